package dev.modelfleet.ranker.placement;

import java.util.Arrays;

/**
 * Picks the GPUs of one node for a replica, best fit: the {@code k} with the least VRAM free that
 * still hold it (lowest index on ties), so roomier GPUs stay free for larger replicas.
 */
final class GpuPicker {
  /** Capacity checks forgive this much rounding left by repeated adds and subtracts, in GiB. */
  static final double EPSILON_GIB = 1e-9;

  /** What {@link #pick} returns when the node cannot take the replica. */
  static final double NO_FIT = -1;

  /**
   * With whole-GPU scheduling, each free GPU the replica leaves on its node counts as this much
   * waste: more than any GPU's memory, so the node left with the fewest free GPUs wins, keeping
   * whole nodes free for tensor-parallel replicas; VRAM left over only breaks ties.
   */
  static final double WHOLE_GPU_LEFT_GIB = 10_000;

  private GpuPicker() {}

  /**
   * Fills {@code out[0..k)} with the chosen GPUs, ascending, and returns how much the fit wastes
   * (lower is tighter), or {@link #NO_FIT}.
   */
  static double pick(
      double[] free, int[] holders, boolean shareable, int k, double vram, int[] out) {
    return pick(free, holders, free.length, shareable, k, vram, out, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #pick} over the first {@code gpus} entries of {@code free} and {@code holders}, giving
   * up early (with {@link #NO_FIT}) when the fit cannot waste less than {@code cutoff}.
   */
  static double pick(
      double[] free,
      int[] holders,
      int gpus,
      boolean shareable,
      int k,
      double vram,
      int[] out,
      double cutoff) {
    int eligible = 0;
    for (int g = 0; g < gpus; g++) {
      if (fits(free[g], holders[g], shareable, vram)) {
        eligible++;
      }
    }
    if (eligible < k) {
      return NO_FIT;
    }
    double waste = shareable ? 0 : (eligible - k) * WHOLE_GPU_LEFT_GIB;
    if (waste >= cutoff) {
      return NO_FIT;
    }
    // Selection of the k tightest: k is small (at most the node's GPUs), so k passes are cheap.
    long chosen = 0;
    for (int s = 0; s < k; s++) {
      int best = -1;
      for (int g = 0; g < gpus; g++) {
        if ((g >= Long.SIZE || (chosen & (1L << g)) == 0)
            && fits(free[g], holders[g], shareable, vram)
            && !(g >= Long.SIZE && taken(out, s, g))
            && (best < 0 || free[g] < free[best])) {
          best = g;
        }
      }
      out[s] = best;
      if (best < Long.SIZE) {
        chosen |= 1L << best;
      }
      waste += free[best] - vram;
    }
    Arrays.sort(out, 0, k);
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
