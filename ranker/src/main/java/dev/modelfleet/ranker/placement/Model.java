package dev.modelfleet.ranker.placement;

import java.time.Instant;

/**
 * A candidate in index form.
 *
 * @param byProfile its option on each profile, null where it has none
 * @param byValue its options, highest value first (ties by profile name)
 */
record Model(
    int index,
    String name,
    int wanted,
    boolean pinned,
    Instant lastUsed,
    Instant installedAt,
    Option[] byProfile,
    Option[] byValue) {

  /** Its best value on any profile, 0 with no option. */
  double bestValue() {
    return byValue.length == 0 ? 0 : byValue[0].value();
  }
}
