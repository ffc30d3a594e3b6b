package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
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

  /**
   * Re-derives every profile. The caches are read inside the lock, so a pass never writes an older
   * picture of the fleet over a newer one.
   */
  public synchronized int sync(
      Supplier<List<Node>> nodes, Supplier<List<HardwareProfile>> profiles) {
    List<HardwareProfile> current = profiles.get();
    ProfilePlan plan = planner.plan(nodes.get(), current);
    Map<String, HardwareProfile> byName =
        current.stream()
            .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    int writes = writer.apply(plan, byName);
    metrics.record(plan);
    return writes;
  }
}
