package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Waits until every node sits in a profile and every profile's status is current. */
final class Convergence {
  record Result(boolean converged, String reason) {}

  private Convergence() {}

  static Result await(KubernetesClient client, List<Node> nodes, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String reason = "nothing observed yet";
    int stableChecks = 0;
    while (System.nanoTime() < deadline) {
      reason = pending(client.resources(HardwareProfile.class).list().getItems(), nodes);
      stableChecks = reason == null ? stableChecks + 1 : 0;
      if (stableChecks >= 3) {
        return new Result(true, "converged");
      }
      Thread.sleep(200);
    }
    return new Result(false, reason);
  }

  /** What is still missing, or null when converged. */
  private static String pending(List<HardwareProfile> profiles, List<Node> nodes) {
    Set<String> covered = new HashSet<>();
    for (HardwareProfile profile : profiles) {
      var status = profile.getStatus();
      if (status == null
          || !Objects.equals(
              status.getObservedGeneration(), profile.getMetadata().getGeneration())) {
        return "profile " + profile.getMetadata().getName() + " has no current status";
      }
      if (status.condition(ConditionTypes.READY).isEmpty()) {
        return "profile " + profile.getMetadata().getName() + " has no Ready condition";
      }
      covered.addAll(status.getNodes());
    }
    return nodes.stream()
        .map(n -> n.getMetadata().getName())
        .filter(n -> !covered.contains(n))
        .findFirst()
        .map(n -> "node " + n + " is in no profile")
        .orElse(null);
  }
}
