package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarksTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "MMLU-Pro, 10.0, 0.0",
    "MMLU-Pro, 55.0, 50.0",
    "MMLU-Pro, 100.0, 100.0",
    "MMLU, 25.0, 0.0",
    "MMLU, 62.5, 50.0",
    "GPQA Diamond, 24.3, 0.0",
    "GPQA, 62.5, 50.0",
    "HumanEval, 72.6, 72.6",
    "IFEval, 80.4, 80.4",
    "Arena-Elo, 1000, 0.0",
    "Arena Elo, 1250, 50.0",
    "LMArena, 1500, 100.0",
    "Chatbot Arena, 1600, 100.0",
    "Arena-Elo, 900, 0.0",
  })
  void publishedScoresMapLinearlyBetweenTheAnchors(
      String benchmark, double score, double expected) {
    assertThat(Benchmarks.normalise(benchmark, score)).isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest
  @CsvSource({
    "GPQA Diamond, GPQA",
    "gpqa_diamond, GPQA",
    "GPQA Diamond (CoT), GPQA",
    "MMLU Pro, MMLU-Pro",
    "MMLU-Pro (CoT), MMLU-Pro",
    "MATH-500, MATH",
    "AIME'24, AIME-2024",
    "IF-Eval, IFEval",
    "ARC-C, ARC-Challenge",
  })
  void aliasesNameTheSameBenchmark(String alias, String canonical) {
    assertThat(Benchmarks.lookup(alias).name()).isEqualTo(canonical);
    assertThat(Benchmarks.lookup(alias).known()).isTrue();
  }

  @Test
  void anUnknownBenchmarkIsReadAsAPercentageAndSaysSo() {
    Benchmark custom = Benchmarks.lookup("support-tickets-v2");

    assertThat(custom.known()).isFalse();
    assertThat(custom.name()).isEqualTo("support-tickets-v2");
    assertThat(custom.normalise(73.0)).isEqualTo(73.0);
    assertThat(custom.accepts(101.0)).isFalse();
    assertThat(custom.basis()).contains("not a benchmark this build knows");
  }

  @Test
  void impossibleScoresAreRejected() {
    assertThat(Benchmarks.lookup("MMLU").accepts(-1)).isFalse();
    assertThat(Benchmarks.lookup("MMLU").accepts(Double.NaN)).isFalse();
    assertThat(Benchmarks.lookup("Arena-Elo").accepts(1300)).isTrue();
    assertThat(Benchmarks.lookup("Arena-Elo").accepts(5000)).isFalse();
  }

  @Test
  void everyKnownBenchmarkStatesItsBasisAndAnchorsInOrder() {
    assertThat(Benchmarks.known())
        .allSatisfy(
            b -> {
              assertThat(b.basis()).as(b.name()).isNotBlank();
              assertThat(b.highAnchor()).as(b.name()).isGreaterThan(b.lowAnchor());
              assertThat(b.known()).isTrue();
            });
  }
}
