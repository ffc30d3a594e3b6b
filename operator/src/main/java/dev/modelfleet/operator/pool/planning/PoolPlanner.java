package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.ranker.estimate.GpuTargetResolver;
import dev.modelfleet.ranker.placement.CurrentReplica;
import dev.modelfleet.ranker.placement.PlacementCandidate;
import dev.modelfleet.ranker.placement.PlacementNode;
import dev.modelfleet.ranker.placement.PlacementPlan;
import dev.modelfleet.ranker.placement.PlacementRequest;
import dev.modelfleet.ranker.placement.PlacementSolver;
import dev.modelfleet.ranker.quality.QualityScorer;
import dev.modelfleet.ranker.rank.Ranker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans one pool: resolves its models, ranks each on the profiles it may use, places replicas under
 * the budgets with the solver (keeping what runs unless a move pays), and says what to render.
 * Pure: the controller and {@code modelfleet plan} run exactly this.
 */
public final class PoolPlanner {
  /** The pool's default share of each GPU's memory, as the CRD's default. */
  static final double DEFAULT_VRAM_FRACTION = 0.9;

  private final PoolModelResolver resolver;
  private final OptionFinder options;
  private final PlacementSolver solver;
  private final GpuTargetResolver gpus;

  public PoolPlanner(
      PoolModelResolver resolver,
      Ranker ranker,
      QualityScorer scorer,
      PlacementSolver solver,
      GpuTargetResolver gpus) {
    this.resolver = resolver;
    this.options = new OptionFinder(ranker, scorer);
    this.solver = solver;
    this.gpus = gpus;
  }

  /** A planner over the bundled catalog, quantization table, benchmarks and GPU catalog. */
  public static PoolPlanner bundled() {
    return over(PoolModelResolver.bundled());
  }

  /** A planner resolving models with {@code resolver}, otherwise as {@link #bundled()}. */
  public static PoolPlanner over(PoolModelResolver resolver) {
    return new PoolPlanner(
        resolver,
        new Ranker(),
        QualityScorer.bundled(),
        new PlacementSolver(),
        GpuTargetResolver.bundled());
  }

  /** Plans {@code input.pool()}. */
  public PoolPlan plan(PoolPlanInput input) {
    ModelPoolSpec spec = input.pool().getSpec();
    double fraction = vramFraction(spec);
    List<ProfileHardware> hardware =
        ProfileSelection.select(spec.getHardwareProfiles(), input.profiles()).stream()
            .map(p -> ProfileHardware.of(p, fraction, gpus))
            .flatMap(Optional::stream)
            .toList();
    Map<String, ModelOutcome> early = new LinkedHashMap<>();
    Map<String, Evaluated> evaluated = new LinkedHashMap<>();
    List<PlacementCandidate> candidates = new ArrayList<>();
    for (PoolModel model : spec.getModels()) {
      ResolvedPoolModel resolved = resolver.resolve(model, spec);
      if (!resolved.placeable()) {
        early.put(
            model.getName(),
            unfit(model, resolved.rejection().reason(), resolved.rejection().message(), resolved));
        continue;
      }
      String quant = resolver.quantization(model);
      ModelOptions found =
          options.find(resolved, quant, hardware, input.observations(), input.now());
      evaluated.put(model.getName(), new Evaluated(resolved, found));
      if (!found.fitsSomewhere()) {
        early.put(
            model.getName(), unfit(model, found.unfitReason(), found.unfitMessage(), resolved));
      } else if (model.getReplicas() == null || model.getReplicas() == 0) {
        early.put(
            model.getName(),
            ModelOutcome.notPlaced(
                model.getName(),
                ModelPhase.Pending,
                "ScaledToZero",
                "spec.models[" + model.getName() + "].replicas is 0: set it to 1 or more to serve",
                resolved.sources()));
      } else {
        candidates.add(
            new PlacementCandidate(
                model.getName(),
                model.getReplicas(),
                Boolean.TRUE.equals(model.getPinned()),
                model.getPriority() == null ? 100 : model.getPriority(),
                found.options(),
                input.lastUsed().get(model.getName()),
                input.installedAt().get(model.getName())));
      }
    }
    Set<String> placeable =
        candidates.stream().map(PlacementCandidate::model).collect(Collectors.toSet());
    List<PlacementNode> nodes =
        FleetNodes.build(hardware, input.liveNodes(), input.others(), diskBudget(spec));
    List<CurrentReplica> current =
        input.current().stream()
            .filter(c -> placeable.contains(c.model()))
            .map(c -> new CurrentReplica(c.model(), c.node(), c.gpuIndices()))
            .toList();
    PlacementPlan placement =
        solver.solve(
            new PlacementRequest(
                candidates, nodes, current, PlacementRequest.DEFAULT_MOVE_GAIN_THRESHOLD));
    return new PlanAssembler(input, hardware, nodes, fraction)
        .assemble(spec, early, evaluated, placement);
  }

  /** A resolved model with its options. */
  record Evaluated(ResolvedPoolModel model, ModelOptions options) {}

  private static ModelOutcome unfit(
      PoolModel model, String reason, String message, ResolvedPoolModel resolved) {
    return ModelOutcome.notPlaced(
        model.getName(), ModelPhase.Unfit, reason, message, resolved.sources());
  }

  static double vramFraction(ModelPoolSpec spec) {
    return spec.getBudgets() == null || spec.getBudgets().getVramFraction() == null
        ? DEFAULT_VRAM_FRACTION
        : spec.getBudgets().getVramFraction();
  }

  static Double diskBudget(ModelPoolSpec spec) {
    return spec.getBudgets() == null ? null : spec.getBudgets().getDiskGiBPerNode();
  }
}
