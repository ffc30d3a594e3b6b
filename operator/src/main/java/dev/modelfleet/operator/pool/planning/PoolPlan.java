package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.ranker.placement.Eviction;
import dev.modelfleet.serving.ServingRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one planning pass decided for a pool: each model's outcome, what is evicted, what to
 * render and apply, the claims the pool now holds, and the totals against its budgets.
 *
 * @param models one outcome per spec model, in spec order
 * @param evictions replicas removed to stay within budgets, and why
 * @param serving what each placed model's engine is rendered from, by engine
 * @param claims GPU memory and disk the pool holds after this plan
 * @param totals usage against the budgets
 * @param unknownModels models placed although no registry source knows them ({@code unknownModels:
 *     warn}), in spec order, with what to add for each
 */
public record PoolPlan(
    List<ModelOutcome> models,
    List<Eviction> evictions,
    List<Workload> serving,
    List<Claim> claims,
    PoolTotals totals,
    Map<String, String> unknownModels) {

  /** Copies the lists and the map, keeping its order. */
  public PoolPlan {
    models = List.copyOf(models);
    evictions = List.copyOf(evictions);
    serving = List.copyOf(serving);
    claims = List.copyOf(claims);
    unknownModels = Collections.unmodifiableMap(new LinkedHashMap<>(unknownModels));
  }

  /**
   * One placed model's engine: which adapter renders it, from what.
   *
   * @param engine vllm, sglang or ollama
   * @param request what the adapter renders
   */
  public record Workload(String engine, ServingRequest request) {
    /** The pool model it serves. */
    public String model() {
      return request.model();
    }
  }

  /**
   * Usage against the budgets.
   *
   * @param gpus GPUs the pool's replicas claim
   * @param vramGiB GPU memory planned for them
   * @param vramBudgetGiB GPU memory the pool may plan on the nodes it may use
   * @param diskGiB model-cache disk on the fullest node
   * @param diskBudgetGiB disk budget per node, or null when unlimited
   */
  public record PoolTotals(
      int gpus, double vramGiB, double vramBudgetGiB, double diskGiB, Double diskBudgetGiB) {}
}
