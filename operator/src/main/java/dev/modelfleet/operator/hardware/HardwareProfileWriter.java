package dev.modelfleet.operator.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.status.Conditions;
import dev.modelfleet.serving.ManagedLabels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Applies a {@link ProfilePlan}: creates, updates and deletes detected profiles, and writes the
 * status of every profile, each only when it differs from what is there. It never writes the spec
 * of a person's profile.
 */
@ApplicationScoped
public class HardwareProfileWriter {
  static final Map<String, String> DETECTED_LABELS = detectedLabels();

  private static final int HTTP_UNPROCESSABLE = 422;
  private static final Logger LOG = Logger.getLogger(HardwareProfileWriter.class);
  private final KubernetesClient client;
  private final EventRecorder events;
  private final KubernetesSerialization serialization;

  public HardwareProfileWriter(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
    this.serialization = client.getKubernetesSerialization();
  }

  /**
   * Writes what differs; returns the number of API writes made. One profile's failure does not stop
   * the others: a rejected (422) object is logged, since retrying cannot fix it; any other failure
   * is rethrown at the end so the reconciler retries with backoff.
   */
  public int apply(ProfilePlan plan, Map<String, HardwareProfile> existing) {
    List<KubernetesClientException> retryable = new ArrayList<>();
    int writes = 0;
    for (ProfilePlan.Detected want : plan.detected()) {
      writes +=
          isolated(want.name(), retryable, () -> applyDetected(want, existing.get(want.name())));
    }
    for (var override : plan.overrides().entrySet()) {
      HardwareProfile current = existing.get(override.getKey());
      if (current != null) {
        writes +=
            isolated(override.getKey(), retryable, () -> writeStatus(current, override.getValue()));
      }
    }
    for (String name : plan.deletions()) {
      writes += isolated(name, retryable, () -> delete(existing.get(name)));
    }
    if (!retryable.isEmpty()) {
      KubernetesClientException first = retryable.get(0);
      retryable.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
    return writes;
  }

  private static int isolated(
      String name, List<KubernetesClientException> retryable, IntSupplier write) {
    try {
      return write.getAsInt();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HTTP_UNPROCESSABLE) {
        LOG.errorf("the API server rejected HardwareProfile %s: %s", name, e.getMessage());
      } else {
        retryable.add(e);
      }
      return 0;
    }
  }

  /**
   * Deletes a detected profile unless it changed since it was read (e.g. a person took it over).
   */
  private int delete(HardwareProfile gone) {
    client.resource(gone).lockResourceVersion().delete();
    events.normal(
        gone, "ProfileRemoved", "No node of this class is left; the detected profile was deleted.");
    return 1;
  }

  private int applyDetected(ProfilePlan.Detected want, HardwareProfile cached) {
    int writes = 0;
    HardwareProfile current = cached;
    if (current == null) {
      current = createOrFetch(want);
      writes++;
    }
    if (!current.isDetected()) {
      return writes; // a person's profile by that name: never written by detection
    }
    if (!sameSpec(current.getSpec(), want.spec())) {
      current = onConflictRetryFresh(current, latest -> updateSpec(latest, want.spec()));
      writes++;
    }
    return writes + writeStatus(current, want.status());
  }

  /** Creates the profile; if another pass created it first (our cache lags), uses that one. */
  private HardwareProfile createOrFetch(ProfilePlan.Detected want) {
    try {
      HardwareProfile created = client.resource(newProfile(want)).create();
      events.normal(
          created, "ProfileDetected", "Detected from node labels: " + describe(want.spec()) + ".");
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      return client.resources(HardwareProfile.class).withName(want.name()).require();
    }
  }

  private HardwareProfile updateSpec(HardwareProfile latest, HardwareProfileSpec spec) {
    if (!latest.isDetected() || sameSpec(latest.getSpec(), spec)) {
      return latest;
    }
    LOG.debugf(
        "spec of %s changes from %s to %s",
        latest.getMetadata().getName(),
        serialization.asJson(latest.getSpec()),
        serialization.asJson(spec));
    HardwareProfile changed = serialization.clone(latest);
    changed.setSpec(spec);
    return client.resource(changed).update();
  }

  private int writeStatus(HardwareProfile cached, HardwareProfileStatus desired) {
    int[] writes = {0};
    onConflictRetryFresh(
        cached,
        current -> {
          writes[0] = writeStatusOnce(current, desired);
          return current;
        });
    return writes[0];
  }

  private int writeStatusOnce(HardwareProfile current, HardwareProfileStatus desired) {
    HardwareProfileStatus before = current.getStatus();
    List<Condition> beforeConditions = before == null ? List.of() : before.getConditions();
    Long generation = current.getMetadata().getGeneration();
    HardwareProfileStatus next = serialization.clone(desired);
    next.setObservedGeneration(generation);
    next.setConditions(
        Conditions.merge(beforeConditions, desired.getConditions(), generation, now()));
    if (before != null && sameContent(before, next)) {
      return 0;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debugf(
          "status of %s changes from %s to %s",
          current.getMetadata().getName(),
          before == null ? null : serialization.asJson(before),
          serialization.asJson(next));
    }
    HardwareProfile withStatus = serialization.clone(current);
    withStatus.setStatus(next);
    client.resource(withStatus).updateStatus();
    warnOnTransitions(current, beforeConditions, next);
    return 1;
  }

  /**
   * Runs a write against the cached object; on a 409 (the cache was stale) reads the object afresh
   * and runs it once more. A second conflict is left to the reconciler's retry.
   */
  private HardwareProfile onConflictRetryFresh(
      HardwareProfile cached, UnaryOperator<HardwareProfile> write) {
    try {
      return write.apply(cached);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return cached; // deleted meanwhile; its delete event brings another pass
      }
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      return write.apply(
          client
              .resources(HardwareProfile.class)
              .withName(cached.getMetadata().getName())
              .require());
    }
  }

  private void warnOnTransitions(
      HardwareProfile profile, List<Condition> before, HardwareProfileStatus after) {
    if (Conditions.turned(before, after.getConditions(), ConditionTypes.WARNING, "True")) {
      Conditions.find(after.getConditions(), ConditionTypes.WARNING)
          .ifPresent(c -> events.warning(profile, c.getReason(), c.getMessage()));
    }
    if (Conditions.turned(before, after.getConditions(), ConditionTypes.READY, "False")) {
      Conditions.find(after.getConditions(), ConditionTypes.READY)
          .ifPresent(c -> events.warning(profile, c.getReason(), c.getMessage()));
    }
  }

  private boolean sameSpec(HardwareProfileSpec a, HardwareProfileSpec b) {
    return a != null && sameContent(a, b);
  }

  /** Equal as JSON trees: the API server may return map keys in another order. */
  private boolean sameContent(Object a, Object b) {
    return Objects.equals(
        serialization.convertValue(a, JsonNode.class),
        serialization.convertValue(b, JsonNode.class));
  }

  private static Map<String, String> detectedLabels() {
    Map<String, String> labels =
        new java.util.LinkedHashMap<>(
            ManagedLabels.of("hardware-profile", "detected", "hardware-detection"));
    labels.put(HardwareProfile.DETECTED_LABEL, "true");
    return Map.copyOf(labels);
  }

  private static String describe(HardwareProfileSpec spec) {
    var gpu = spec.getGpu();
    if (gpu.getVendor() == GpuVendor.NONE) {
      return "CPU-only nodes";
    }
    String product =
        gpu.getProduct() == null ? "unlabelled " + gpu.getVendor() + " GPUs" : gpu.getProduct();
    return gpu.getCountPerNode() + " x " + product + " per node";
  }

  private static HardwareProfile newProfile(ProfilePlan.Detected want) {
    HardwareProfile profile = new HardwareProfile();
    profile.setMetadata(
        new ObjectMetaBuilder().withName(want.name()).withLabels(DETECTED_LABELS).build());
    profile.setSpec(want.spec());
    return profile;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
