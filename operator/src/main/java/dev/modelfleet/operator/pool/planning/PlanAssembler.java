package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.pool.planning.PoolPlan.PoolTotals;
import dev.modelfleet.operator.pool.planning.PoolPlanner.Evaluated;
import dev.modelfleet.ranker.placement.Eviction;
import dev.modelfleet.ranker.placement.PlacementNode;
import dev.modelfleet.ranker.placement.PlacementPlan;
import dev.modelfleet.ranker.placement.PlannedReplica;
import dev.modelfleet.ranker.placement.UnplacedModel;
import dev.modelfleet.ranker.rank.RankedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the solver's plan into per-model outcomes, serving requests, claims and totals. */
final class PlanAssembler {
  private final PoolPlanInput input;
  private final Map<String, ProfileHardware> hardware;
  private final List<PlacementNode> nodes;
  private final double vramFraction;

  PlanAssembler(
      PoolPlanInput input,
      List<ProfileHardware> hardware,
      List<PlacementNode> nodes,
      double vramFraction) {
    this.input = input;
    this.hardware = hardware.stream().collect(Collectors.toMap(ProfileHardware::name, h -> h));
    this.nodes = nodes;
    this.vramFraction = vramFraction;
  }

  PoolPlan assemble(
      ModelPoolSpec spec,
      Map<String, ModelOutcome> early,
      Map<String, Evaluated> evaluated,
      PlacementPlan placement) {
    Map<String, List<PlannedReplica>> placed =
        placement.replicas().stream()
            .sorted(
                Comparator.comparing(PlannedReplica::model)
                    .thenComparingInt(PlannedReplica::replica))
            .collect(Collectors.groupingBy(PlannedReplica::model));
    Map<String, Eviction> evicted = new HashMap<>();
    placement.evictions().forEach(e -> evicted.put(e.model(), e));
    Map<String, UnplacedModel> unplaced = new HashMap<>();
    placement.unplaced().forEach(u -> unplaced.put(u.model(), u));

    List<ModelOutcome> outcomes = new ArrayList<>();
    List<PoolPlan.Workload> serving = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();
    for (PoolModel model : spec.getModels()) {
      String name = model.getName();
      if (early.containsKey(name)) {
        outcomes.add(early.get(name));
        continue;
      }
      Evaluated e = evaluated.get(name);
      List<PlannedReplica> replicas = placed.getOrDefault(name, List.of());
      if (replicas.isEmpty()) {
        outcomes.add(notPlaced(e, evicted.get(name), unplaced.get(name)));
        continue;
      }
      ProfileHardware profile = hardware.get(replicas.get(0).hardwareProfile());
      RankedModel row = e.options().rows().get(profile.name());
      outcomes.add(placedOutcome(e, replicas, row, unplaced.get(name), evicted.get(name)));
      serving.add(
          new PoolPlan.Workload(
              e.model().engine().label(),
              ServingRequests.of(input.pool(), model, e, replicas, profile, vramFraction)));
      replicas.forEach(
          r ->
              claims.add(
                  new Claim(
                      input.poolKey(),
                      name,
                      r.node(),
                      r.gpuIndices(),
                      r.vramPerGpuGiB(),
                      r.diskGiB())));
    }
    return new PoolPlan(
        outcomes,
        placement.evictions(),
        serving,
        claims,
        totals(spec, claims),
        unknownModels(evaluated));
  }

  /** The placeable models no registry source knows, as {@code unknownModels: warn} lets through. */
  private static Map<String, String> unknownModels(Map<String, Evaluated> evaluated) {
    Map<String, String> unknown = new LinkedHashMap<>();
    evaluated.forEach(
        (name, e) -> {
          if (e.model().warnsUnknown()) {
            unknown.put(name, e.model().unknownWarning());
          }
        });
    return unknown;
  }

  private ModelOutcome placedOutcome(
      Evaluated e,
      List<PlannedReplica> replicas,
      RankedModel row,
      UnplacedModel shortfall,
      Eviction eviction) {
    String reason = "Placed";
    String message =
        String.format(
            java.util.Locale.ROOT,
            "%d replica(s) on %s, %d GPU(s) each",
            replicas.size(),
            replicas.get(0).hardwareProfile(),
            row.gpus());
    if (shortfall != null) {
      reason = "PartiallyPlaced";
      message = message + "; " + shortfall.message();
    } else if (eviction != null) {
      reason = eviction.reason().statusReason();
      message = message + "; " + eviction.message();
    }
    return new ModelOutcome(
        e.model().name(),
        ModelPhase.Placed,
        e.model().engine().label(),
        replicas.get(0).hardwareProfile(),
        replicas.stream().map(PlannedReplica::node).toList(),
        row.gpus(),
        row.vramTotalGiB(),
        row.decodeTokensPerSecond(),
        row.score(),
        e.options().diskGiB(),
        reason,
        message,
        e.model().sources());
  }

  private static ModelOutcome notPlaced(Evaluated e, Eviction eviction, UnplacedModel unplaced) {
    RankedModel best =
        e.options().rows().values().stream()
            .filter(RankedModel::fits)
            .max(Comparator.comparingDouble(RankedModel::score))
            .orElse(null);
    ModelPhase phase = eviction != null ? ModelPhase.Evicted : ModelPhase.Pending;
    String reason =
        eviction != null
            ? eviction.reason().statusReason()
            : unplaced != null ? unplaced.reason() : "NotPlaced";
    String message =
        eviction != null
            ? eviction.message()
            : unplaced != null ? unplaced.message() : "the plan placed no replica";
    if (Boolean.TRUE.equals(e.model().spec().getPinned()) && eviction == null) {
      message = message + " (pinned: it waits for room and is never evicted)";
    }
    return new ModelOutcome(
        e.model().name(),
        phase,
        e.model().engine().label(),
        null,
        List.of(),
        best == null ? 0 : best.gpus(),
        best == null ? 0 : best.vramTotalGiB(),
        best == null ? 0 : best.decodeTokensPerSecond(),
        best == null ? 0 : best.score(),
        e.options().diskGiB(),
        reason,
        message,
        e.model().sources());
  }

  private PoolTotals totals(ModelPoolSpec spec, List<Claim> claims) {
    int gpus = claims.stream().mapToInt(c -> c.gpuIndices().size()).sum();
    double vram = claims.stream().mapToDouble(c -> c.vramPerGpuGiB() * c.gpuIndices().size()).sum();
    double budget = 0;
    for (PlacementNode node : nodes) {
      ProfileHardware profile = hardware.get(node.hardwareProfile());
      budget += profile.target().gpu().memoryGiB() * profile.gpusPerNode();
    }
    Map<String, Set<String>> modelsPerNode = new HashMap<>();
    Map<String, Double> diskPerModel = new HashMap<>();
    for (Claim c : claims) {
      modelsPerNode.computeIfAbsent(c.node(), n -> new LinkedHashSet<>()).add(c.model());
      diskPerModel.put(c.model(), c.diskGiB());
    }
    double fullest =
        modelsPerNode.values().stream()
            .mapToDouble(ms -> ms.stream().mapToDouble(diskPerModel::get).sum())
            .max()
            .orElse(0);
    return new PoolTotals(gpus, vram, budget, fullest, PoolPlanner.diskBudget(spec));
  }
}
