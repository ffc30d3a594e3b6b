package dev.modelfleet.ranker.placement;

import java.util.List;

/**
 * The solver's answer: the replicas to run, the current replicas it evicts, the models that got
 * fewer replicas than wanted, and what the plan uses.
 *
 * @param replicas ordered by model, node and GPUs
 * @param evictions ordered by model
 * @param unplaced ordered by model
 * @param totals GPUs, VRAM, disk and value of {@code replicas}
 */
public record PlacementPlan(
    List<PlannedReplica> replicas,
    List<Eviction> evictions,
    List<UnplacedModel> unplaced,
    PlanTotals totals) {

  /** Copies the lists. */
  public PlacementPlan {
    replicas = List.copyOf(replicas);
    evictions = List.copyOf(evictions);
    unplaced = List.copyOf(unplaced);
  }
}
