package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks a smaller {@code spec.budgets.diskGiBPerNode} that forces the pool to evict its
 * lowest-value model, from what the pool's status says it placed. A model squeezed off one node is
 * moved to another with room, which is no eviction; so the budget goes below the victim's own model
 * cache (it then fits on no node) and stays at or above every other placed model's cache (each
 * still fits somewhere, though the planner may move some to make room). Pinned models are never
 * evicted, so never the victim. When the lowest-value model's cache is not the largest, the next
 * model up in value is tried.
 */
final class BudgetShrink {
  /** Status figures are rounded to a tenth of a GiB: keep this much margin on either side. */
  static final double ROUNDING_MARGIN_GIB = 0.2;

  /** A model's priority when the spec leaves it unset (the ModelPool CRD's default). */
  static final int DEFAULT_PRIORITY = 100;

  /** Priority scales a score by priority/100 (the CRD's definition of a model's value). */
  static final double PRIORITY_SCALE = 100.0;

  /**
   * The shrink to apply.
   *
   * @param victim the model the new budget evicts
   * @param value its score times priority/100, the key the eviction order sorts by first
   * @param lowestValue whether no other unpinned placed model has a lower value
   * @param victimDiskGiB the victim's model cache per node
   * @param othersMaxGiB the largest model cache among the other placed models
   * @param diskGiBPerNode the new budget, halfway between those two
   */
  record Shrink(
      String victim,
      double value,
      boolean lowestValue,
      double victimDiskGiB,
      double othersMaxGiB,
      double diskGiBPerNode) {}

  private BudgetShrink() {}

  /** The shrink for {@code pool}'s current status, or empty when no budget evicts one model. */
  static Optional<Shrink> plan(ModelPool pool) {
    if (pool.getStatus() == null) {
      return Optional.empty();
    }
    List<ModelStatus> placed =
        pool.getStatus().getModels().stream()
            .filter(m -> !m.getNodes().isEmpty() && m.getCacheDiskGiB() != null)
            .toList();
    Map<String, PoolModel> specs =
        pool.getSpec().getModels().stream()
            .collect(Collectors.toMap(PoolModel::getName, Function.identity()));
    List<ModelStatus> byValue =
        placed.stream()
            .filter(m -> specs.containsKey(m.getName()))
            .filter(m -> !Boolean.TRUE.equals(specs.get(m.getName()).getPinned()))
            .sorted(
                Comparator.comparingDouble((ModelStatus m) -> value(m, specs.get(m.getName())))
                    .thenComparing(ModelStatus::getName))
            .toList();
    for (int i = 0; i < byValue.size(); i++) {
      ModelStatus victim = byValue.get(i);
      double othersMax =
          placed.stream()
              .filter(m -> !m.getName().equals(victim.getName()))
              .mapToDouble(ModelStatus::getCacheDiskGiB)
              .max()
              .orElse(0);
      double victimDisk = victim.getCacheDiskGiB();
      if (othersMax + 2 * ROUNDING_MARGIN_GIB <= victimDisk) {
        // Halfway between the largest other cache and the victim's, to a tenth of a GiB.
        double budget = Math.round((othersMax + victimDisk) / 2 * 10) / 10.0;
        return Optional.of(
            new Shrink(
                victim.getName(),
                value(victim, specs.get(victim.getName())),
                i == 0,
                victimDisk,
                othersMax,
                budget));
      }
    }
    return Optional.empty();
  }

  static double value(ModelStatus status, PoolModel spec) {
    int priority = spec.getPriority() == null ? DEFAULT_PRIORITY : spec.getPriority();
    double score = status.getScore() == null ? 0 : status.getScore();
    return score * priority / PRIORITY_SCALE;
  }
}
