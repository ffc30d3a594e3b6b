package dev.modelfleet.ranker.placement;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which replicas are evicted: lowest value first, then least recently used (never used
 * first), then oldest install (unknown first), then model name, node and GPUs so that ties still
 * give one answer.
 */
final class EvictionOrder {
  /** Values closer than this are equal: scores are given to a tenth at most. */
  static final double VALUE_TOLERANCE = 1e-9;

  private EvictionOrder() {}

  /** The comparator over replicas of {@code instance}, first to evict first. */
  static Comparator<Placed> of(Instance instance) {
    Model[] models = instance.models;
    return (a, b) -> {
      int c = compareKeys(a.value(), models[a.model()], b.value(), models[b.model()]);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.model(), b.model());
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.node(), b.node());
      return c != 0 ? c : Arrays.compare(a.gpus(), b.gpus());
    };
  }

  /** Compares value, then last use, then install time: negative when {@code a} goes first. */
  static int compareKeys(double valueA, Model a, double valueB, Model b) {
    if (Math.abs(valueA - valueB) > VALUE_TOLERANCE) {
      return Double.compare(valueA, valueB);
    }
    int c = compareNullFirst(a.lastUsed(), b.lastUsed());
    return c != 0 ? c : compareNullFirst(a.installedAt(), b.installedAt());
  }

  /** The key that tells {@code victim} from {@code other}, when the victim goes first on it. */
  static EvictionReason decidingKey(
      double victimValue, Model victim, double otherValue, Model other) {
    if (Math.abs(victimValue - otherValue) > VALUE_TOLERANCE) {
      return EvictionReason.LOWEST_SCORE;
    }
    if (compareNullFirst(victim.lastUsed(), other.lastUsed()) != 0) {
      return EvictionReason.LEAST_RECENTLY_USED;
    }
    return EvictionReason.OLDEST;
  }

  static int compareNullFirst(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    return a.compareTo(b);
  }
}
