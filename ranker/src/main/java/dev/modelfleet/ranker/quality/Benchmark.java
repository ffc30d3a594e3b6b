package dev.modelfleet.ranker.quality;

import java.util.List;

/**
 * A benchmark's scale: a published score maps linearly from {@code lowAnchor} (0) to {@code
 * highAnchor} (100), clamped, so benchmarks with different chance levels and units can be merged.
 *
 * @param name the canonical name, e.g. "MMLU-Pro"
 * @param aliases other names it goes by ("GPQA Diamond" for GPQA)
 * @param lowAnchor the published score that means 0: the random-guess baseline for multiple choice,
 *     0 for free-form answers, a stated Elo for arena ratings
 * @param highAnchor the published score that means 100
 * @param validMin the lowest score that can be published; anything below is a data error
 * @param validMax the highest score that can be published
 * @param basis why the anchors are where they are
 * @param known false for a benchmark this build has no entry for, read as a 0-100 accuracy
 */
public record Benchmark(
    String name,
    List<String> aliases,
    double lowAnchor,
    double highAnchor,
    double validMin,
    double validMax,
    String basis,
    boolean known) {

  /** Copies the aliases. */
  public Benchmark {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The score on 0-100: linear between the anchors, clamped at both ends. */
  public double normalise(double score) {
    double scaled = (score - lowAnchor) / (highAnchor - lowAnchor) * 100.0;
    return Math.max(0.0, Math.min(100.0, scaled));
  }

  /** Whether a published score is possible on this benchmark at all. */
  public boolean accepts(double score) {
    return Double.isFinite(score) && score >= validMin && score <= validMax;
  }
}
