package dev.modelfleet.ranker.quality;

import java.time.Duration;
import java.time.Instant;

/**
 * How much an observation still counts given its age and the newer generations of its family
 * released since. Ageing decides which evidence to believe and how confident to be; it never moves
 * a model's score toward the middle (see docs/quality-score.md).
 */
public final class Recency {
  /**
   * An observation loses half its weight a year after it was made. A benchmark figure describes the
   * checkpoint it measured for as long as that checkpoint exists, but harnesses change (the Open
   * LLM Leaderboard replaced all its tasks in June 2024), test sets leak into training data, and
   * newer measurements, the cluster's own above all, should win. A year is about the span over
   * which the major open families have shipped a new generation (Qwen2 June 2024 to Qwen3 April
   * 2025, Llama 3 April 2024 to Llama 4 April 2025).
   */
  public static final Duration HALF_LIFE = Duration.ofDays(365);

  /**
   * Weight kept per newer generation of the family released after the observation: the figure was
   * measured against the previous state of the art with the prompts and harnesses of its time, and
   * leaderboards stop re-measuring superseded models, so it is not refreshed. One generation counts
   * for less than a half-life (0.5): a new release dates the comparison, it does not change the old
   * checkpoint.
   */
  public static final double GENERATION_PENALTY = 0.75;

  /**
   * Old evidence never weighs less than this fraction, so a model known only from old figures is
   * still ranked by them, and two old figures still keep their relative weights rather than both
   * rounding to nothing. Reached after about 3.3 half-lives, or sooner with newer generations.
   */
  public static final double FLOOR = 0.1;

  private static final double SECONDS_PER_DAY = 86_400.0;

  /**
   * The ageing of one observation.
   *
   * @param ageDays days between the observation and now; 0 for one dated in the future, -1 undated
   * @param recencyWeight 0.5^(age / half-life)
   * @param newerGenerations newer generations of the family released after the observation
   * @param generationWeight {@link #GENERATION_PENALTY}^newerGenerations
   * @param weight the product of both, never below {@link #FLOOR}
   * @param floored whether the floor applied
   */
  public record Aging(
      double ageDays,
      double recencyWeight,
      int newerGenerations,
      double generationWeight,
      double weight,
      boolean floored) {

    /** Whether the observation carried no date and was taken as the oldest evidence there is. */
    public boolean undated() {
      return ageDays < 0;
    }
  }

  private Recency() {}

  /** The ageing of an observation made at {@code observedAt}, seen at {@code now}. */
  public static Aging age(Instant observedAt, Instant now, int newerGenerations) {
    int generations = Math.max(0, newerGenerations);
    double generationWeight = Math.pow(GENERATION_PENALTY, generations);
    if (observedAt == null) {
      return new Aging(-1, FLOOR, generations, generationWeight, FLOOR, true);
    }
    double seconds = Math.max(0.0, Duration.between(observedAt, now).getSeconds());
    double days = seconds / SECONDS_PER_DAY;
    double recencyWeight = Math.pow(0.5, days / (HALF_LIFE.getSeconds() / SECONDS_PER_DAY));
    double product = recencyWeight * generationWeight;
    boolean floored = product < FLOOR;
    return new Aging(
        days, recencyWeight, generations, generationWeight, floored ? FLOOR : product, floored);
  }
}
