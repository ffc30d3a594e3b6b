package dev.modelfleet.ranker.placement;

import java.time.Instant;
import java.util.Locale;

/**
 * Why one current replica left its place: the budget it did not fit and the replica it lost to.
 *
 * @param currentId the current replica
 * @param victim its model
 * @param victimValue its value there
 * @param other the model it was compared with: the replica that displaced it, or the next replica
 *     in eviction order that stayed; null when no unpinned replica shared the budget
 * @param otherValue that replica's value
 * @param displaced true when {@code other} took its room, false when it stayed on an over-budget
 *     resource
 * @param budget the budget exceeded, e.g. "node gpu-1 GPU 0 has 10.0 GiB free, qwen-32b needs 38.2
 *     GiB"
 * @param sequence when it was recorded, so that reports keep the order of events
 */
record EvictionCause(
    int currentId,
    Model victim,
    double victimValue,
    Model other,
    double otherValue,
    boolean displaced,
    String budget,
    long sequence) {

  /** The key of the eviction order that decided. */
  EvictionReason reason() {
    return other == null
        ? EvictionReason.LOWEST_SCORE
        : EvictionOrder.decidingKey(victimValue, victim, otherValue, other);
  }

  /** The budget, then the comparison that decided. */
  String message() {
    String prefix = displaced ? "evicted to make room: " : "over budget: ";
    return prefix + budget + "; " + comparison();
  }

  private String comparison() {
    if (other == null) {
      return String.format(
          Locale.ROOT,
          "lowest score (%.1f; every other replica there is pinned or none shares it)",
          victimValue);
    }
    String of = displaced ? "" : " of " + other.name();
    return switch (reason()) {
      case LOWEST_SCORE ->
          String.format(Locale.ROOT, "lowest score (%.1f < %.1f%s)", victimValue, otherValue, of);
      case LEAST_RECENTLY_USED ->
          String.format(
              Locale.ROOT,
              "least recently used (equal score %.1f; last used %s, %s %s)",
              victimValue,
              instant(victim.lastUsed(), "never"),
              other.name(),
              instant(other.lastUsed(), "never"));
      case OLDEST -> oldest();
    };
  }

  private String oldest() {
    if (EvictionOrder.compareNullFirst(victim.installedAt(), other.installedAt()) == 0) {
      return "oldest (equal score, last use and install time as "
          + other.name()
          + "; the name decided)";
    }
    return String.format(
        Locale.ROOT,
        "oldest (equal score and last use; installed %s, %s %s)",
        instant(victim.installedAt(), "at an unknown time"),
        other.name(),
        instant(other.installedAt(), "at an unknown time"));
  }

  private static String instant(Instant instant, String missing) {
    return instant == null ? missing : instant.toString();
  }
}
