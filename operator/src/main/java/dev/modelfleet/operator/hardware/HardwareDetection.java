package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the HardwareProfiles in line with the Nodes. Every call recomputes the whole fleet from
 * the informer caches, so it does not matter which node's event triggered it; calls are serialised
 * so two reconciles never race on the same profile.
 */
@ApplicationScoped
public class HardwareDetection {
  private final ProfilePlanner planner = new ProfilePlanner(GpuCatalog.bundled());
  private final HardwareProfileWriter writer;
  private final HardwareMetrics metrics;

  public HardwareDetection(HardwareProfileWriter writer, HardwareMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  public synchronized int sync(Collection<Node> nodes, Collection<HardwareProfile> profiles) {
    ProfilePlan plan = planner.plan(nodes, profiles);
    Map<String, HardwareProfile> byName =
        profiles.stream()
            .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    int writes = writer.apply(plan, byName);
    metrics.record(plan);
    return writes;
  }
}
