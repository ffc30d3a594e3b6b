package dev.modelfleet.ranker.rank;

/**
 * How a row's score fuses quality, speed and fit, all on 0-100:
 *
 * <pre>
 * score = QUALITY_WEIGHT x quality + SPEED_WEIGHT x speed + FIT_WEIGHT x fit   (a row that fits)
 * score = 0                                                                   (a row that doesn't)
 * speed = 100 x tok/s / (tok/s + SPEED_HALF_SCORE_TOKENS_PER_SECOND)
 * fit   = 100 x max(0, 1 - FIT_COST_PER_DOUBLING x log2(GPUs))
 * </pre>
 *
 * The weighting says: with two models both fast enough to read along, the better one wins; a model
 * only slightly better but several times slower loses. Worked out on one GPU: quality 80 at 40
 * tok/s (score 76.5) beats quality 65 at 80 tok/s (71.9), but quality 75 at 20 tok/s (68.3) loses
 * to quality 65 at 80 tok/s. {@code RankScoreTest} holds these figures.
 */
public final class RankScore {
  /**
   * Quality leads: a model that answers wrongly is no use however fast, and quality is what a
   * person picking a model asks about first.
   */
  public static final double QUALITY_WEIGHT = 0.6;

  /**
   * Decode speed is the user-visible latency of every answer, and, memory-bound, a proxy for the
   * serving cost per token.
   */
  public static final double SPEED_WEIGHT = 0.3;

  /**
   * Fewer GPUs per replica leave more of the node for other models and replicas; a small weight,
   * since a model that needs more GPUs is usually the better one.
   */
  public static final double FIT_WEIGHT = 0.1;

  /**
   * The decode speed that scores 50: people read at 5-10 tokens per second, so 25 tok/s is
   * comfortably interactive and gains beyond it matter less and less (100 tok/s scores 80, 200
   * scores 89). The saturating curve keeps a very fast small model from outranking a better one on
   * speed alone.
   */
  public static final double SPEED_HALF_SCORE_TOKENS_PER_SECOND = 25.0;

  /**
   * The share of the fit term each doubling of the GPUs one replica needs costs: 1 GPU scores 100,
   * 2 score 85, 4 score 70, 8 score 55 (tensor parallelism scales sub-linearly and ties up the
   * node).
   */
  public static final double FIT_COST_PER_DOUBLING = 0.15;

  private RankScore() {}

  /** The speed term, 0-100, for a single sequence's decode tokens per second. */
  public static double speed(double tokensPerSecond) {
    double t = Math.max(0, tokensPerSecond);
    return 100 * t / (t + SPEED_HALF_SCORE_TOKENS_PER_SECOND);
  }

  /** The fit term, 0-100, for the GPUs one replica needs; 0 when it does not fit. */
  public static double fit(boolean fits, int gpus) {
    if (!fits) {
      return 0;
    }
    double doublings = Math.log(Math.max(1, gpus)) / Math.log(2);
    return 100 * Math.max(0, 1 - FIT_COST_PER_DOUBLING * doublings);
  }

  /** The fused score, 0-100; 0 when it does not fit. */
  public static double fuse(double quality, double speed, double fit, boolean fits) {
    if (!fits) {
      return 0;
    }
    return QUALITY_WEIGHT * quality + SPEED_WEIGHT * speed + FIT_WEIGHT * fit;
  }

  /** The fused score of a model that fits on {@code gpus} GPUs. */
  public static double of(double quality, double tokensPerSecond, int gpus) {
    return fuse(quality, speed(tokensPerSecond), fit(true, gpus), true);
  }
}
