package dev.modelfleet.ranker.accuracy;

import java.util.List;

/**
 * Median and 90th percentile of absolute percentage errors, {@code |estimate - measured| / measured
 * * 100}. Percentiles interpolate linearly between the closest ranks, as spreadsheets and NumPy do
 * by default.
 *
 * @param count how many errors were summarised
 * @param median the median error in percent
 * @param p90 the 90th-percentile error in percent
 */
record ErrorStats(int count, double median, double p90) {

  /** The statistics of the given errors; NaN figures when there are none. */
  static ErrorStats of(List<Double> errors) {
    if (errors.isEmpty()) {
      return new ErrorStats(0, Double.NaN, Double.NaN);
    }
    double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new ErrorStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9));
  }

  /** The absolute percentage error of one estimate. */
  static double percentError(double estimate, double measured) {
    return Math.abs(estimate - measured) / measured * 100;
  }

  private static double percentile(double[] sorted, double fraction) {
    double rank = fraction * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  }
}
