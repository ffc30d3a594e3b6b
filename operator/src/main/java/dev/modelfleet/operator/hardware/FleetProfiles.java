package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The HardwareProfiles detection would leave for a set of Nodes and people's profiles, computed
 * without a cluster: what {@code modelfleet plan} places on when given Nodes.
 */
public final class FleetProfiles {
  private FleetProfiles() {}

  /** Detected profiles for {@code nodes}, plus {@code overrides} with the nodes they claim. */
  public static List<HardwareProfile> of(
      Collection<Node> nodes, Collection<HardwareProfile> overrides) {
    ProfilePlan plan = new ProfilePlanner(GpuCatalog.bundled()).plan(nodes, overrides);
    List<HardwareProfile> out = new ArrayList<>();
    for (ProfilePlan.Detected d : plan.detected()) {
      HardwareProfile profile = new HardwareProfile();
      profile.setMetadata(
          new ObjectMetaBuilder()
              .withName(d.name())
              .withLabels(HardwareProfileWriter.DETECTED_LABELS)
              .build());
      profile.setSpec(d.spec());
      profile.setStatus(d.status());
      out.add(profile);
    }
    for (HardwareProfile override : overrides) {
      if (override.isDetected()) {
        continue;
      }
      var status = plan.overrides().get(override.getMetadata().getName());
      if (status != null) {
        override.setStatus(status);
      }
      out.add(override);
    }
    return out;
  }
}
