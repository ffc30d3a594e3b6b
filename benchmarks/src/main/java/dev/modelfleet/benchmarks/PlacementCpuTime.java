package dev.modelfleet.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.modelfleet.ranker.placement.FirstFitDecreasing;
import dev.modelfleet.ranker.placement.PlacementCandidate;
import dev.modelfleet.ranker.placement.PlacementNode;
import dev.modelfleet.ranker.placement.PlacementPlan;
import dev.modelfleet.ranker.placement.PlacementRequest;
import dev.modelfleet.ranker.placement.PlacementSolver;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The placement benchmark's pool timed by the process's CPU time as well as the wall clock: on a
 * build machine shared with other jobs the wall clock measures the load, CPU time the work. Run
 * with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.modelfleet.benchmarks.PlacementCpuTime}.
 */
public final class PlacementCpuTime {
  /** Runs before timing, for the JIT to compile the hot paths. */
  private static final int WARMUP = 10;

  /** Timed runs per figure. */
  private static final int RUNS = 20;

  private PlacementCpuTime() {}

  public static void main(String[] args) {
    List<PlacementCandidate> models = PlacementFixtures.candidates(500, 42);
    List<PlacementNode> fleet = PlacementFixtures.nodes(2000, 43);
    PlacementRequest request = PlacementRequest.of(models, fleet, List.of());
    PlacementSolver solver = new PlacementSolver();
    PlacementPlan plan = solver.solve(request);
    PlacementRequest next =
        PlacementRequest.of(
            models, PlacementBenchmark.claimed(fleet), PlacementBenchmark.current(plan));
    double[] solve = time(() -> solver.solve(request));
    double[] resolve = time(() -> solver.solve(next));
    double[] ffd = time(() -> FirstFitDecreasing.value(request));
    System.out.printf(
        Locale.ROOT,
        "solve: %.1f ms CPU, %.1f ms wall per op%nresolve: %.1f ms CPU, %.1f ms wall per op%n"
            + "first-fit decreasing: %.1f ms CPU, %.1f ms wall per op%n"
            + "solve / first-fit decreasing: %.2f x CPU; value %.4f x%n",
        solve[0],
        solve[1],
        resolve[0],
        resolve[1],
        ffd[0],
        ffd[1],
        solve[0] / ffd[0],
        plan.totals().totalValue() / FirstFitDecreasing.value(request));
  }

  /** Mean process CPU ms and wall ms per run. */
  private static double[] time(Supplier<?> op) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Object sink = null;
    for (int i = 0; i < WARMUP; i++) {
      sink = op.get();
    }
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < RUNS; i++) {
      sink = op.get();
    }
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    return new double[] {cpu / 1e6 / RUNS, wall / 1e6 / RUNS};
  }
}
