package dev.modelfleet.ranker.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankScoreTest {

  @Test
  void theWeightsAddUpToOneSoTheScoreStaysOnZeroToHundred() {
    assertThat(RankScore.QUALITY_WEIGHT + RankScore.SPEED_WEIGHT + RankScore.FIT_WEIGHT)
        .isCloseTo(1.0, within(1e-12));
    assertThat(RankScore.of(100, 1e9, 1)).isCloseTo(100, within(1e-3));
    assertThat(RankScore.of(0, 0, 8)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void speedSaturatesAroundInteractiveRates() {
    assertThat(RankScore.speed(RankScore.SPEED_HALF_SCORE_TOKENS_PER_SECOND))
        .isCloseTo(50, within(1e-9));
    assertThat(RankScore.speed(100)).isCloseTo(80, within(1e-9));
    assertThat(RankScore.speed(0)).isZero();
    // 10 -> 40 tok/s is worth far more than 100 -> 130 tok/s.
    assertThat(RankScore.speed(40) - RankScore.speed(10))
        .isGreaterThan(5 * (RankScore.speed(130) - RankScore.speed(100)));
  }

  @Test
  void eachDoublingOfGpusCostsTheSameShareOfTheFitTerm() {
    assertThat(RankScore.fit(true, 1)).isCloseTo(100, within(1e-9));
    assertThat(RankScore.fit(true, 2)).isCloseTo(85, within(1e-9));
    assertThat(RankScore.fit(true, 4)).isCloseTo(70, within(1e-9));
    assertThat(RankScore.fit(true, 8)).isCloseTo(55, within(1e-9));
    assertThat(RankScore.fit(false, 1)).isZero();
    assertThat(RankScore.fuse(90, 90, 100, false)).isZero();
  }

  /**
   * The trade-off the weights encode, as the class comment states it: a clearly better model that
   * is fast enough to read along beats a faster, weaker one; a slightly better one that is several
   * times slower does not.
   */
  @Test
  void qualityWinsOverSpeedOnlyWhileTheBetterModelStaysInteractive() {
    double betterAt40 = RankScore.of(80, 40, 1);
    double weakerAt80 = RankScore.of(65, 80, 1);
    double slightlyBetterAt20 = RankScore.of(75, 20, 1);

    assertThat(betterAt40).isCloseTo(76.46, within(0.01));
    assertThat(weakerAt80).isCloseTo(71.86, within(0.01));
    assertThat(slightlyBetterAt20).isCloseTo(68.33, within(0.01));
    assertThat(betterAt40).isGreaterThan(weakerAt80);
    assertThat(slightlyBetterAt20).isLessThan(weakerAt80);
  }

  @Test
  void aSecondGpuCostsWhatTwoAndAHalfQualityPointsAreWorth() {
    // 2 GPUs cost 1.5 points (0.1 x 15), what 2.5 quality points (x 0.6) are worth.
    assertThat(RankScore.of(70, 50, 1) - RankScore.of(70, 50, 2)).isCloseTo(1.5, within(1e-9));
    assertThat(RankScore.of(73, 50, 2)).isGreaterThan(RankScore.of(70, 50, 1));
    assertThat(RankScore.of(72, 50, 2)).isLessThan(RankScore.of(70, 50, 1));
  }
}
