package dev.modelfleet.ranker.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How good the plans are: against the exact optimum on small random pools, and against
 * first-fit-decreasing on large ones. Prints the figures and writes them to
 * target/placement-quality.md; docs/placement.md quotes them.
 */
class PlacementQualityTest {
  /** Small pools compared with the optimum: enough for a stable mean. */
  static final int SMALL_POOLS = 300;

  /** The solver must reach this share of the optimum on average. */
  static final double MIN_MEAN_RATIO = 0.99;

  /** Large pools compared with first-fit-decreasing. */
  static final int LARGE_POOLS = 10;

  private static final StringBuilder REPORT = new StringBuilder();

  private final PlacementSolver solver = new PlacementSolver();

  @Test
  void reachesTheOptimumOnSmallPools() {
    List<Double> ratios = new ArrayList<>();
    int optimal = 0;
    for (int seed = 0; seed < SMALL_POOLS; seed++) {
      Random random = new Random(seed);
      PlacementRequest request = RandomFleets.request(random, RandomFleets.Shape.small(random));
      double value = solver.solve(request).totals().totalValue();
      double optimum = ExactSolver.optimum(request, value);
      double ratio = optimum == 0 ? 1 : value / optimum;
      ratios.add(ratio);
      if (ratio >= 1 - 1e-9) {
        optimal++;
      }
    }
    double mean = ratios.stream().mapToDouble(d -> d).average().orElseThrow();
    double min = ratios.stream().mapToDouble(d -> d).min().orElseThrow();
    report(
        String.format(
            Locale.ROOT,
            "small pools (2-8 models x 1-6 nodes, %d seeds): mean value / optimum %.4f, worst %.4f,"
                + " optimal in %d of %d",
            SMALL_POOLS,
            mean,
            min,
            optimal,
            SMALL_POOLS));
    assertThat(mean).isGreaterThanOrEqualTo(MIN_MEAN_RATIO);
  }

  @Test
  void neverPlacesLessThanFirstFitDecreasingOnLargePools() {
    List<Double> ratios = new ArrayList<>();
    for (int seed = 0; seed < LARGE_POOLS; seed++) {
      Random random = new Random(1000 + seed);
      PlacementRequest request =
          RandomFleets.request(random, new RandomFleets.Shape(300, 400, 4, 4, 12, 0));
      double value = solver.solve(request).totals().totalValue();
      double ffd = FirstFitDecreasing.value(request);
      assertThat(value).as("seed %d", 1000 + seed).isGreaterThanOrEqualTo(ffd);
      ratios.add(value / ffd);
    }
    report(
        String.format(
            Locale.ROOT,
            "large contended pools (300 models x 400 nodes, %d seeds): mean value / first-fit-decreasing"
                + " %.4f, worst %.4f",
            LARGE_POOLS,
            ratios.stream().mapToDouble(d -> d).average().orElseThrow(),
            ratios.stream().mapToDouble(d -> d).min().orElseThrow()));
  }

  private static synchronized void report(String line) {
    System.out.println("[placement-quality] " + line);
    REPORT.append("- ").append(line).append('\n');
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(target.resolve("placement-quality.md"), REPORT.toString());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the quality report", e);
    }
  }
}
