package dev.modelfleet.ranker.placement;

/**
 * Picks the GPUs of one node for a replica: the {@code k} with the least VRAM free that still hold
 * it (best fit, lowest index on ties), so roomier GPUs stay free for larger replicas.
 */
final class GpuPicker {
  /** Capacity checks forgive this much rounding left by repeated adds and subtracts, in GiB. */
  static final double EPSILON_GIB = 1e-9;

  /** What {@link #pick} returns when the node cannot take the replica. */
  static final double NO_FIT = -1;

  private GpuPicker() {}

  /**
   * Fills {@code out[0..k)} with the chosen GPUs, ascending, and returns the VRAM they would have
   * left over in total (lower is a tighter fit), or {@link #NO_FIT}.
   */
  static double pick(
      double[] free, int[] holders, boolean shareable, int k, double vram, int[] out) {
    return pick(free, holders, free.length, shareable, k, vram, out);
  }

  /** {@link #pick} over the first {@code gpus} entries of {@code free} and {@code holders}. */
  static double pick(
      double[] free, int[] holders, int gpus, boolean shareable, int k, double vram, int[] out) {
    if (k > gpus) {
      return NO_FIT;
    }
    double waste = 0;
    for (int s = 0; s < k; s++) {
      int best = -1;
      for (int g = 0; g < gpus; g++) {
        if (fits(free[g], holders[g], shareable, vram)
            && !taken(out, s, g)
            && (best < 0 || free[g] < free[best])) {
          best = g;
        }
      }
      if (best < 0) {
        return NO_FIT;
      }
      out[s] = best;
      waste += free[best] - vram;
    }
    java.util.Arrays.sort(out, 0, k);
    return waste;
  }

  /** Whether one GPU can take one more replica needing {@code vram}. */
  static boolean fits(double free, int holders, boolean shareable, double vram) {
    return free >= vram - EPSILON_GIB && (shareable || holders == 0);
  }

  private static boolean taken(int[] out, int count, int gpu) {
    for (int i = 0; i < count; i++) {
      if (out[i] == gpu) {
        return true;
      }
    }
    return false;
  }
}
