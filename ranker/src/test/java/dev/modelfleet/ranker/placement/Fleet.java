package dev.modelfleet.ranker.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short builders for requests in tests. */
final class Fleet {
  static final int NEUTRAL = 100;

  private Fleet() {}

  static PlacementOption option(String profile, int gpus, double vram, double disk, double score) {
    return new PlacementOption(profile, gpus, vram, disk, score);
  }

  static PlacementCandidate model(String name, int replicas, PlacementOption... options) {
    return new PlacementCandidate(name, replicas, false, NEUTRAL, List.of(options), null, null);
  }

  static PlacementCandidate pinned(String name, int replicas, PlacementOption... options) {
    return new PlacementCandidate(name, replicas, true, NEUTRAL, List.of(options), null, null);
  }

  static PlacementCandidate used(PlacementCandidate c, Instant lastUsed, Instant installedAt) {
    return new PlacementCandidate(
        c.model(), c.replicas(), c.pinned(), c.priority(), c.options(), lastUsed, installedAt);
  }

  static PlacementCandidate priority(PlacementCandidate c, int priority) {
    return new PlacementCandidate(
        c.model(), c.replicas(), c.pinned(), priority, c.options(), c.lastUsed(), c.installedAt());
  }

  static PlacementNode node(String name, String profile, double disk, double... gpuFree) {
    return new PlacementNode(name, profile, boxed(gpuFree), true, disk);
  }

  static PlacementNode wholeGpuNode(String name, String profile, double disk, double... gpuFree) {
    return new PlacementNode(name, profile, boxed(gpuFree), false, disk);
  }

  static CurrentReplica running(String model, String node, Integer... gpus) {
    return new CurrentReplica(model, node, List.of(gpus));
  }

  static PlacementRequest request(
      List<PlacementCandidate> candidates, List<PlacementNode> nodes, CurrentReplica... current) {
    return PlacementRequest.of(candidates, nodes, List.of(current));
  }

  /** The plan's replicas as current replicas, as the operator would report them next time. */
  static List<CurrentReplica> asCurrent(PlacementPlan plan) {
    List<CurrentReplica> current = new ArrayList<>();
    for (PlannedReplica r : plan.replicas()) {
      current.add(new CurrentReplica(r.model(), r.node(), r.gpuIndices()));
    }
    return current;
  }

  /** A reversed copy. */
  static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
