package dev.modelfleet.operator.evalrunner;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles, as GuideLLM and genai-bench report them. */
final class Percentiles {
  private Percentiles() {}

  /** The p-th percentile (0 < p <= 100) of the values; NaN when there are none. */
  static double of(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
