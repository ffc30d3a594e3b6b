package dev.modelfleet.ranker.placement;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Places a pool's model replicas on its nodes and says which running replicas to evict. It
 * maximises the total value of the replicas placed (score x priority / 100 each) under each GPU's
 * VRAM, whole-GPU scheduling and each node's model-cache disk, keeps the current placement unless a
 * change raises the total value by more than the request's threshold, and never evicts a pinned
 * model's valid replicas. The answer depends only on the request's content, never on the order of
 * its lists. Pure and thread-safe; see docs/placement.md.
 */
public final class PlacementSolver {

  /**
   * Solves {@code request}.
   *
   * @throws IllegalArgumentException naming the field, when the request is invalid
   */
  public PlacementPlan solve(PlacementRequest request) {
    RequestValidator.validate(request);
    Instance instance = Instance.of(request);
    int maxGpus = maxGpus(instance);
    CurrentPlacement current = CurrentPlacement.of(instance);

    // Each start on its own copy, on all cores; the first best in start order wins.
    List<Packing> filled =
        IntStream.rangeClosed(0, FillOrder.values().length)
            .parallel()
            .mapToObj(start -> keepCurrent(current.packing, start, maxGpus))
            .toList();
    Packing keep = filled.get(0);
    for (Packing candidate : filled) {
      if (candidate.value() > keep.value() + LocalSearch.MIN_GAIN) {
        keep = candidate;
      }
    }
    Packing chosen = keep;
    if (current.packing.count() > 0) {
      Packing change = keep.copy();
      new LocalSearch(change, true, new int[maxGpus]).run();
      double bar = keep.value() * (1 + instance.moveGainThreshold) + LocalSearch.MIN_GAIN;
      if (change.value() > bar) {
        chosen = change;
      }
    }
    return new PlanAssembler(chosen, current.validCurrent).plan();
  }

  /**
   * Current replicas in place, the rest filled from one start (each {@link FillOrder}, then
   * first-fit decreasing, which wins only when strictly better) and improved around them.
   */
  private static Packing keepCurrent(Packing current, int start, int maxGpus) {
    Packing packing = current.copy();
    int[] scratch = new int[maxGpus];
    FillOrder[] orders = FillOrder.values();
    if (start < orders.length) {
      GreedyFill.fill(packing, orders[start], scratch);
    } else {
      GreedyFill.firstFitDecreasing(packing, scratch);
    }
    new LocalSearch(packing, false, scratch).run();
    return packing;
  }

  private static int maxGpus(Instance instance) {
    int max = 1;
    for (Node node : instance.nodes) {
      max = Math.max(max, node.free().length);
    }
    return max;
  }
}
