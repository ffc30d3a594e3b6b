package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecencyTest {
  private static final Instant NOW = Instant.parse("2025-08-08T00:00:00Z");

  @Test
  void weightHalvesEveryHalfLife() {
    assertThat(Recency.age(NOW, NOW, 0).weight()).isEqualTo(1.0);
    assertThat(Recency.age(NOW.minus(Recency.HALF_LIFE), NOW, 0).weight())
        .isCloseTo(0.5, within(1e-12));
    assertThat(Recency.age(NOW.minus(Recency.HALF_LIFE.multipliedBy(2)), NOW, 0).weight())
        .isCloseTo(0.25, within(1e-12));
    Recency.Aging quarterYear = Recency.age(NOW.minus(Duration.ofDays(140)), NOW, 0);
    assertThat(quarterYear.ageDays()).isCloseTo(140.0, within(1e-9));
    assertThat(quarterYear.recencyWeight()).isCloseTo(Math.pow(0.5, 140.0 / 365.0), within(1e-12));
  }

  @Test
  void oldEvidenceStopsAtTheFloorAndNeverWeighsZero() {
    Recency.Aging ancient = Recency.age(NOW.minus(Duration.ofDays(365 * 40)), NOW, 0);

    assertThat(ancient.recencyWeight()).isLessThan(Recency.FLOOR);
    assertThat(ancient.weight()).isEqualTo(Recency.FLOOR);
    assertThat(ancient.floored()).isTrue();
    assertThat(Recency.age(NOW.minus(Duration.ofDays(365 * 3)), NOW, 0).floored()).isFalse();
  }

  @Test
  void eachNewerGenerationMultipliesByThePenalty() {
    Recency.Aging twoGenerations = Recency.age(NOW, NOW, 2);

    assertThat(twoGenerations.generationWeight())
        .isCloseTo(Recency.GENERATION_PENALTY * Recency.GENERATION_PENALTY, within(1e-12));
    assertThat(twoGenerations.weight()).isCloseTo(0.5625, within(1e-12));
    assertThat(Recency.age(NOW, NOW, 20).weight()).isEqualTo(Recency.FLOOR);
  }

  @Test
  void undatedEvidenceCountsAsTheOldestAndFutureDatesAsNew() {
    Recency.Aging undated = Recency.age(null, NOW, 0);
    assertThat(undated.undated()).isTrue();
    assertThat(undated.weight()).isEqualTo(Recency.FLOOR);

    assertThat(Recency.age(NOW.plus(Duration.ofDays(3)), NOW, 0).weight()).isEqualTo(1.0);
  }

  @Test
  void generationsCountOnlyThoseReleasedAfterTheObservationAndByNow() {
    FamilyGenerations llama =
        FamilyGenerations.of(
            List.of(
                new FamilyGenerations.Generation("llama", "Llama-3", LocalDate.of(2024, 4, 18)),
                new FamilyGenerations.Generation("llama", "Llama-3.1", LocalDate.of(2024, 7, 23)),
                new FamilyGenerations.Generation("llama", "Llama-3.3", LocalDate.of(2024, 12, 6)),
                new FamilyGenerations.Generation("llama", "Llama-4", LocalDate.of(2025, 4, 5))));
    Instant cardDate = Instant.parse("2024-07-23T00:00:00Z");

    assertThat(llama.generationOf("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF"))
        .map(FamilyGenerations.Generation::prefix)
        .contains("Llama-3.1");
    assertThat(llama.newerThan("meta-llama/Llama-3.1-8B-Instruct", cardDate, NOW)).isEqualTo(2);
    assertThat(llama.newerThan("meta-llama/Llama-3.1-8B-Instruct", NOW, NOW)).isZero();
    assertThat(
            llama.newerThan(
                "meta-llama/Llama-3.1-8B-Instruct",
                cardDate,
                Instant.parse("2025-01-01T00:00:00Z")))
        .isEqualTo(1);
    assertThat(llama.newerThan("meta-llama/Llama-3.1-8B-Instruct", null, NOW)).isEqualTo(2);
    assertThat(llama.newerThan("meta-llama/Llama-4-Scout-17B-16E-Instruct", cardDate, NOW))
        .isZero();
    assertThat(llama.newerThan("Qwen/Qwen2.5-7B-Instruct", cardDate, NOW)).isZero();
    assertThat(FamilyGenerations.none().newerThan("meta-llama/Llama-3-8B", null, NOW)).isZero();
  }
}
