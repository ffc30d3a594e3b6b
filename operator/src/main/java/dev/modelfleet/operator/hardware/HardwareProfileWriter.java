package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a {@link ProfilePlan}: creates, updates and deletes detected profiles, and writes the
 * status of every profile, each only when it differs from what is there. It never writes the spec
 * of a person's profile.
 */
@ApplicationScoped
public class HardwareProfileWriter {
  static final Map<String, String> DETECTED_LABELS =
      Map.of(
          HardwareProfile.DETECTED_LABEL,
          "true",
          "app.kubernetes.io/managed-by",
          "modelfleet-operator");

  private final KubernetesClient client;
  private final EventRecorder events;
  private final KubernetesSerialization serialization;

  public HardwareProfileWriter(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
    this.serialization = client.getKubernetesSerialization();
  }

  /** Writes what differs; returns the number of API writes made. */
  public int apply(ProfilePlan plan, Map<String, HardwareProfile> existing) {
    int writes = 0;
    for (ProfilePlan.Detected want : plan.detected()) {
      writes += applyDetected(want, existing.get(want.name()));
    }
    for (var override : plan.overrides().entrySet()) {
      HardwareProfile current = existing.get(override.getKey());
      if (current != null) {
        writes += writeStatus(current, override.getValue());
      }
    }
    for (String name : plan.deletions()) {
      HardwareProfile gone = existing.get(name);
      client.resource(gone).delete();
      events.normal(
          gone,
          "ProfileRemoved",
          "No node of this class is left; the detected profile was deleted.");
      writes++;
    }
    return writes;
  }

  private int applyDetected(ProfilePlan.Detected want, HardwareProfile current) {
    int writes = 0;
    if (current == null) {
      HardwareProfile created = client.resource(newProfile(want)).create();
      events.normal(
          created,
          "ProfileDetected",
          "Detected from node labels: " + want.spec().getGpu().getProduct());
      current = created;
      writes++;
    } else if (!sameSpec(current.getSpec(), want.spec())) {
      HardwareProfile changed = serialization.clone(current);
      changed.setSpec(want.spec());
      current = client.resource(changed).update();
      writes++;
    }
    return writes + writeStatus(current, want.status());
  }

  private int writeStatus(HardwareProfile current, HardwareProfileStatus desired) {
    HardwareProfileStatus before = current.getStatus();
    List<io.fabric8.kubernetes.api.model.Condition> beforeConditions =
        before == null ? List.of() : before.getConditions();
    Long generation = current.getMetadata().getGeneration();
    desired.setObservedGeneration(generation);
    desired.setConditions(
        Conditions.merge(beforeConditions, desired.getConditions(), generation, now()));
    if (before != null && serialization.asJson(before).equals(serialization.asJson(desired))) {
      return 0;
    }
    HardwareProfile withStatus = serialization.clone(current);
    withStatus.setStatus(desired);
    client.resource(withStatus).updateStatus();
    warnOnTransitions(current, beforeConditions, desired);
    return 1;
  }

  private void warnOnTransitions(
      HardwareProfile profile,
      List<io.fabric8.kubernetes.api.model.Condition> before,
      HardwareProfileStatus after) {
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
    return a != null && Objects.equals(serialization.asJson(a), serialization.asJson(b));
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
