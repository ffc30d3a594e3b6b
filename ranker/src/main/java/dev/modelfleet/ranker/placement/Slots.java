package dev.modelfleet.ranker.placement;

/**
 * Finds where a replica fits best: the option of highest value that some node can take, and among
 * that profile's nodes one that already holds the model's cache, then the tightest fit on the GPUs,
 * then the first by name.
 */
final class Slots {
  private Slots() {}

  /**
   * The best place for one more replica of {@code model} worth more than {@code minValue}, or null.
   */
  static Slot best(Packing packing, int model, double minValue, int[] scratch) {
    for (Option option : packing.instance.models[model].byValue()) {
      if (option.value() <= minValue) {
        return null;
      }
      Slot slot = bestOn(packing, model, option, scratch);
      if (slot != null) {
        return slot;
      }
    }
    return null;
  }

  /** The best node of {@code option}'s profile for one more replica of {@code model}, or null. */
  static Slot bestOn(Packing packing, int model, Option option, int[] scratch) {
    int bestNode = -1;
    boolean bestHasModel = false;
    double bestWaste = 0;
    int[] bestGpus = null;
    for (int node : packing.instance.nodesByProfile[option.profile()]) {
      boolean hasModel = option.disk() > 0 && packing.hasModel(node, model);
      if (bestHasModel && !hasModel) {
        continue;
      }
      // Only a tighter fit can beat the best so far, unless this node holds the cache already.
      double cutoff =
          bestNode < 0 || hasModel != bestHasModel
              ? Double.POSITIVE_INFINITY
              : bestWaste - GpuPicker.EPSILON_GIB;
      double waste = packing.fit(node, model, option, scratch, cutoff);
      if (waste == GpuPicker.NO_FIT) {
        continue;
      }
      if (bestNode < 0 || better(hasModel, waste, bestHasModel, bestWaste)) {
        bestNode = node;
        bestHasModel = hasModel;
        bestWaste = waste;
        bestGpus = java.util.Arrays.copyOf(scratch, option.gpus());
      }
    }
    return bestNode < 0 ? null : new Slot(bestNode, bestGpus, option);
  }

  private static boolean better(
      boolean hasModel, double waste, boolean bestHasModel, double bestWaste) {
    if (hasModel != bestHasModel) {
      return hasModel;
    }
    return waste < bestWaste - GpuPicker.EPSILON_GIB;
  }
}
