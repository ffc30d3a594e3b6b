package dev.modelfleet.ranker.placement;

import java.time.Instant;
import java.util.List;

/**
 * A model the pool wants: replicas wanted, pinned (never evicted), priority 0-1000 (value of a
 * replica = option score x priority / 100), its options (one per profile it fits), when it last
 * served a request and when it was first installed (both nullable).
 *
 * @param model the model's name in the pool, unique
 * @param replicas replicas wanted, at least 0
 * @param pinned whether its running replicas are never evicted
 * @param priority 0-1000; 100 makes a replica's value its score
 * @param options one per hardware profile the model fits; empty when it fits none
 * @param lastUsed when it last served a request, or null if never
 * @param installedAt when it was first installed, or null if unknown
 */
public record PlacementCandidate(
    String model,
    int replicas,
    boolean pinned,
    int priority,
    List<PlacementOption> options,
    Instant lastUsed,
    Instant installedAt) {

  /** Copies the options. */
  public PlacementCandidate {
    options = Lists.copyKeepingNulls(options);
  }

  /** The value of one replica placed with {@code option}: its score weighted by the priority. */
  public double valueOf(PlacementOption option) {
    return option.score() * priority / PlacementRequest.NEUTRAL_PRIORITY;
  }
}
