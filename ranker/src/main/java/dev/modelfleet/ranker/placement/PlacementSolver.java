package dev.modelfleet.ranker.placement;

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
    int[] scratch = new int[maxGpus(instance)];
    CurrentPlacement current = CurrentPlacement.of(instance);

    Packing keep = null;
    for (FillOrder order : FillOrder.values()) {
      Packing candidate = current.packing.copy();
      GreedyFill.fill(candidate, order, scratch);
      new LocalSearch(candidate, false, scratch).run();
      if (keep == null || candidate.value() > keep.value() + LocalSearch.MIN_GAIN) {
        keep = candidate;
      }
    }
    Packing change = keep.copy();
    new LocalSearch(change, true, scratch).run();
    double bar = keep.value() * (1 + instance.moveGainThreshold) + LocalSearch.MIN_GAIN;
    Packing chosen = change.value() > bar ? change : keep;
    return new PlanAssembler(chosen, current.validCurrent).plan();
  }

  private static int maxGpus(Instance instance) {
    int max = 1;
    for (Node node : instance.nodes) {
      max = Math.max(max, node.free().length);
    }
    return max;
  }
}
