package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.placement.FirstFitDecreasing;
import dev.modelfleet.ranker.placement.CurrentReplica;
import dev.modelfleet.ranker.placement.PlacementCandidate;
import dev.modelfleet.ranker.placement.PlacementNode;
import dev.modelfleet.ranker.placement.PlacementPlan;
import dev.modelfleet.ranker.placement.PlacementRequest;
import dev.modelfleet.ranker.placement.PlacementSolver;
import dev.modelfleet.ranker.placement.PlannedReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Places 500 candidates on 2,000 nodes. {@code solve} is a first placement, {@code resolve} the
 * steady state (the previous plan as current, after other pools claimed part of some nodes), and
 * {@code firstFitDecreasing} the baseline on the same pool in the same run, so the figures read as
 * ratios on any machine. Setup prints the value each placed, the quality half of the comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlacementBenchmark {
  /** Fixed seeds: every run places the same pool. */
  private static final long SEED = 42;

  @Param("500")
  int candidates;

  @Param("2000")
  int nodes;

  private final PlacementSolver solver = new PlacementSolver();
  private PlacementRequest first;
  private PlacementRequest next;

  @Setup
  public void setUp() {
    List<PlacementCandidate> models = PlacementFixtures.candidates(candidates, SEED);
    List<PlacementNode> fleet = PlacementFixtures.nodes(nodes, SEED + 1);
    first = PlacementRequest.of(models, fleet, List.of());
    PlacementPlan plan = solver.solve(first);
    next = PlacementRequest.of(models, claimed(fleet), current(plan));
    PlacementPlan again = solver.solve(next);
    double ffd = FirstFitDecreasing.value(first);
    long wanted = models.stream().mapToLong(PlacementCandidate::replicas).sum();
    System.out.printf(
        Locale.ROOT,
        "%n[placement] %d replicas wanted; solve placed %d worth %.0f; first-fit-decreasing worth"
            + " %.0f (ratio %.4f); resolve placed %d, evicted %d%n",
        wanted,
        plan.replicas().size(),
        plan.totals().totalValue(),
        ffd,
        plan.totals().totalValue() / ffd,
        again.replicas().size(),
        again.evictions().stream().mapToInt(e -> e.replicasRemoved()).sum());
  }

  @Benchmark
  public PlacementPlan solve() {
    return solver.solve(first);
  }

  @Benchmark
  public PlacementPlan resolve() {
    return solver.solve(next);
  }

  @Benchmark
  public double firstFitDecreasing() {
    return FirstFitDecreasing.value(first);
  }

  /** Every 10th node loses its first GPU to another pool. */
  static List<PlacementNode> claimed(List<PlacementNode> fleet) {
    List<PlacementNode> changed = new ArrayList<>(fleet.size());
    for (int i = 0; i < fleet.size(); i++) {
      PlacementNode n = fleet.get(i);
      List<Double> free = new ArrayList<>(n.freeVramGiBPerGpu());
      if (i % 10 == 0) {
        free.set(0, 0.0);
      }
      changed.add(
          new PlacementNode(
              n.name(), n.hardwareProfile(), free, n.gpusShareable(), n.freeDiskGiB()));
    }
    return changed;
  }

  static List<CurrentReplica> current(PlacementPlan plan) {
    List<CurrentReplica> current = new ArrayList<>();
    for (PlannedReplica r : plan.replicas()) {
      current.add(new CurrentReplica(r.model(), r.node(), r.gpuIndices()));
    }
    return current;
  }
}
