package dev.modelfleet.ranker.placement;

import java.util.List;

/**
 * What to place: the pool's candidates, the nodes it may use, the replicas running now, and the
 * relative gain in total value a change must bring before current replicas are moved or replaced.
 *
 * @param candidates the models the pool wants
 * @param nodes the nodes the pool may use
 * @param current the replicas running now; empty on first placement
 * @param moveGainThreshold e.g. 0.05: a plan that moves or replaces current replicas is taken only
 *     when its total value exceeds keeping them by more than this fraction
 */
public record PlacementRequest(
    List<PlacementCandidate> candidates,
    List<PlacementNode> nodes,
    List<CurrentReplica> current,
    double moveGainThreshold) {

  /**
   * Moving a replica restarts its engine and reloads its weights (minutes without that capacity),
   * so a change must gain more than 5% of the pool's total value to be worth the churn.
   */
  public static final double DEFAULT_MOVE_GAIN_THRESHOLD = 0.05;

  /** The priority at which a replica's value equals its score (value = score x priority / 100). */
  public static final double NEUTRAL_PRIORITY = 100;

  /** Copies the lists. */
  public PlacementRequest {
    candidates = Lists.copyKeepingNulls(candidates);
    nodes = Lists.copyKeepingNulls(nodes);
    current = Lists.copyKeepingNulls(current);
  }

  /** A request with the default move gain threshold. */
  public static PlacementRequest of(
      List<PlacementCandidate> candidates,
      List<PlacementNode> nodes,
      List<CurrentReplica> current) {
    return new PlacementRequest(candidates, nodes, current, DEFAULT_MOVE_GAIN_THRESHOLD);
  }
}
