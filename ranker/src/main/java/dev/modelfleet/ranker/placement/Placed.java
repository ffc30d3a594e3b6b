package dev.modelfleet.ranker.placement;

/**
 * A replica in a packing.
 *
 * @param gpus the node's GPUs it uses, ascending
 * @param origin the id of the current replica it descends from, or -1 for a new one
 * @param inPlace whether it is still at that current replica's place
 */
record Placed(int model, int node, int[] gpus, Option option, int origin, boolean inPlace) {

  double value() {
    return option.value();
  }

  /** Whether it is a current replica where it runs now. */
  boolean isCurrent() {
    return inPlace;
  }
}
