package dev.modelfleet.ranker.accuracy;

import dev.modelfleet.ranker.estimate.Engine;

/**
 * One published row set against ModelFleet's estimate and the rule of thumb.
 *
 * @param row the published measurement
 * @param engine the engine the row ran on
 * @param kind what is compared
 * @param measured the published figure (tokens/s or GiB); 1 or 0 for fit rows
 * @param modelFleet ModelFleet's figure; 1 or 0 for fit rows
 * @param baseline the rule of thumb's figure, or NaN where the rule has none (KV cache)
 * @param detail what the estimate rests on, for the row table: for fit rows ModelFleet's need per
 *     GPU against one GPU's memory; empty otherwise
 */
record Comparison(
    Measurement row,
    Engine engine,
    Kind kind,
    double measured,
    double modelFleet,
    double baseline,
    String detail) {

  /** What a comparison is about. */
  enum Kind {
    DECODE,
    WEIGHTS,
    KV,
    TOTAL,
    FIT
  }

  /** Whether the rule of thumb says anything about this row. */
  boolean hasBaseline() {
    return !Double.isNaN(baseline);
  }

  /** ModelFleet's absolute percentage error. */
  double modelFleetError() {
    return ErrorStats.percentError(modelFleet, measured);
  }

  /** The rule of thumb's absolute percentage error. */
  double baselineError() {
    return ErrorStats.percentError(baseline, measured);
  }

  /** For fit rows: whether ModelFleet agrees with the observation. */
  boolean modelFleetAgrees() {
    return modelFleet == measured;
  }

  /** For fit rows: whether the rule of thumb agrees with the observation. */
  boolean baselineAgrees() {
    return baseline == measured;
  }
}
