package dev.modelfleet.operator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Small helpers for writing a run's status only when it says something new. */
public final class StatusWrites {
  private StatusWrites() {}

  /** Equal as JSON trees: the API server may return map keys in another order. */
  public static boolean sameContent(KubernetesClient client, Object a, Object b) {
    KubernetesSerialization json = client.getKubernetesSerialization();
    return Objects.equals(
        json.convertValue(a, JsonNode.class), json.convertValue(b, JsonNode.class));
  }

  /** Now, to the second, as Kubernetes writes condition times. */
  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
