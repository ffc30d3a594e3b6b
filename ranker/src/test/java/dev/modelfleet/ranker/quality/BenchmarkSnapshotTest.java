package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchmarkSnapshotTest {
  private static final BenchmarkSnapshot BUNDLED = BenchmarkSnapshot.bundled();
  private static final Instant NOW = Instant.parse("2025-08-08T00:00:00Z");

  @Test
  void theBundledSnapshotLoadsWithoutWarnings() {
    assertThat(BUNDLED.warnings()).isEmpty();
    assertThat(BenchmarkSnapshot.bundled()).isSameAs(BUNDLED);
    assertThat(BUNDLED.snapshotDate()).isPresent();
  }

  @Test
  void itCoversAtLeastTwentyFivePopularOpenWeightModels() {
    List<String> models =
        BUNDLED.observations().stream().map(Observation::modelId).distinct().toList();

    assertThat(models).hasSizeGreaterThanOrEqualTo(25);
    assertThat(models)
        .contains(
            "meta-llama/Llama-3.1-8B-Instruct",
            "meta-llama/Llama-3.3-70B-Instruct",
            "Qwen/Qwen2.5-7B-Instruct",
            "Qwen/Qwen3-235B-A22B",
            "mistralai/Mistral-Large-Instruct-2407",
            "google/gemma-2-9b-it",
            "google/gemma-3-27b-it",
            "microsoft/phi-4",
            "deepseek-ai/DeepSeek-R1",
            "openai/gpt-oss-20b");
  }

  @Test
  void everyRowIsSourcedDatedAndOnAKnownScale() {
    Instant taken = BUNDLED.snapshotDate().orElseThrow().atStartOfDay(ZoneOffset.UTC).toInstant();

    assertThat(BUNDLED.observations())
        .allSatisfy(
            o -> {
              String row = o.modelId() + " " + o.benchmark();
              assertThat(o.source()).as(row).startsWith("https://");
              assertThat(o.observedAt()).as(row).isNotNull().isBeforeOrEqualTo(taken);
              assertThat(o.quant()).as(row).isNotBlank();
              assertThat(o.sourceKind()).as(row).isNotEqualTo(SourceKind.CLUSTER_EVAL);
              assertThat(Benchmarks.lookup(o.benchmark()).known()).as(row).isTrue();
              assertThat(Benchmarks.lookup(o.benchmark()).accepts(o.score())).as(row).isTrue();
            });
  }

  @Test
  void vendorRowsAreSelfReportedAndOthersIndependent() {
    Map<SourceKind, Long> byKind =
        BUNDLED.observations().stream()
            .collect(Collectors.groupingBy(Observation::sourceKind, Collectors.counting()));

    assertThat(byKind).containsKeys(SourceKind.VENDOR, SourceKind.INDEPENDENT);
    assertThat(BUNDLED.observations())
        .filteredOn(o -> o.sourceKind() == SourceKind.VENDOR)
        .allSatisfy(o -> assertThat(o.evidence()).isEqualTo(Evidence.SELF_REPORTED));
  }

  @Test
  void itListsTheGenerationsOfTheMainFamilies() {
    FamilyGenerations generations = BUNDLED.generations();
    Instant card = Instant.parse("2024-07-23T00:00:00Z");

    assertThat(generations.all())
        .extracting(FamilyGenerations.Generation::family)
        .contains("llama", "qwen", "gemma", "phi");
    // Llama 3.2, 3.3 and 4 came out after the Llama 3.1 card.
    assertThat(generations.newerThan("meta-llama/Llama-3.1-8B-Instruct", card, NOW)).isEqualTo(3);
  }

  @Test
  void scoringFromTheSnapshotRanksAFrontierModelAboveASmallOne() {
    QualityScorer scorer = QualityScorer.bundled();
    List<Observation> all = BUNDLED.observations();

    QualityScore small = scorer.score("meta-llama/Llama-3.2-1B-Instruct", null, all, NOW);
    QualityScore mid =
        scorer.score("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "Q4_K_M", all, NOW);
    QualityScore large = scorer.score("meta-llama/Llama-3.3-70B-Instruct", "FP8", all, NOW);
    QualityScore r1 = scorer.score("deepseek-ai/DeepSeek-R1", null, all, NOW);

    assertThat(small.score()).isLessThan(mid.score());
    assertThat(mid.score()).isLessThan(large.score());
    assertThat(large.score()).isLessThan(r1.score());
    assertThat(mid.strongestEvidence()).contains(Evidence.VARIANT);
    assertThat(large.explanation()).anyMatch(line -> line.startsWith("Sources disagree on MATH"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"schemaVersion\": 2, \"observations\": []}",
        "{\"observations\": []}",
        "{\"schemaVersion\": 1}",
        "{\"schemaVersion\": 1, \"observations\": {}}"
      })
  void aMalformedSnapshotGivesAWarningAndNothingElse(String json) {
    BenchmarkSnapshot snapshot = BenchmarkSnapshot.fromJson(stream(json));

    assertThat(snapshot.observations()).isEmpty();
    assertThat(snapshot.generations().all()).isEmpty();
    assertThat(snapshot.warnings()).hasSize(1);
  }

  @Test
  void aMissingSnapshotGivesAWarning() {
    BenchmarkSnapshot snapshot = BenchmarkSnapshot.fromJson(null);

    assertThat(snapshot.observations()).isEmpty();
    assertThat(snapshot.warnings()).containsExactly("benchmark snapshot input is missing");
  }

  @Test
  void badRowsAreSkippedWithAWarningAndGoodRowsKept() {
    String json =
        """
        {"schemaVersion": 1, "snapshotDate": "2025-08-08",
         "generations": [
           {"family": "qwen", "generations": [
             {"prefix": "Qwen2.5", "released": "2024-09-19", "source": "https://qwenlm.github.io/blog/qwen2.5-llm/"}]},
           {"family": "broken", "generations": [{"prefix": "X", "released": "soon", "source": "https://x"}]},
           {"family": "unsourced", "generations": [{"prefix": "Y", "released": "2024-01-01"}]}
         ],
         "observations": [
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "MMLU-Pro", "score": 56.3,
            "source": "https://qwenlm.github.io/blog/qwen2.5-llm/", "sourceKind": "vendor",
            "observedAt": "2024-09-19", "quant": "BF16"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": 36.4,
            "observedAt": "2024-09-19"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": 36.4,
            "source": "a blog somewhere", "observedAt": "2024-09-19"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": "high",
            "source": "https://example.org", "observedAt": "2024-09-19"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": 136.4,
            "source": "https://example.org", "observedAt": "2024-09-19"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": 36.4,
            "source": "https://example.org", "observedAt": "last year"},
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "GPQA", "score": 36.4,
            "source": "https://example.org", "observedAt": "2024-09-19", "sourceKind": "rumour"},
           {"benchmark": "GPQA", "score": 36.4, "source": "https://example.org", "observedAt": "2024-09-19"},
           "not an object",
           {"model": "Qwen/Qwen2.5-7B-Instruct", "benchmark": "Arena-Elo", "score": 1250,
            "source": "https://openlm.ai/chatbot-arena/", "observedAt": "2024-11-13T00:00:00Z"}
         ]}
        """;

    BenchmarkSnapshot snapshot = BenchmarkSnapshot.fromJson(stream(json));

    assertThat(snapshot.observations()).hasSize(2);
    assertThat(snapshot.observations().get(0).evidence()).isEqualTo(Evidence.SELF_REPORTED);
    assertThat(snapshot.observations().get(1).sourceKind()).isEqualTo(SourceKind.INDEPENDENT);
    assertThat(snapshot.generations().all()).hasSize(1);
    assertThat(snapshot.warnings())
        .hasSize(10)
        .anyMatch(w -> w.contains("row #1") && w.contains("no source"))
        .anyMatch(w -> w.contains("row #2") && w.contains("https://"))
        .anyMatch(w -> w.contains("row #3") && w.contains("score must be a number"))
        .anyMatch(w -> w.contains("row #4") && w.contains("outside"))
        .anyMatch(w -> w.contains("row #5") && w.contains("observedAt"))
        .anyMatch(w -> w.contains("row #6") && w.contains("sourceKind"))
        .anyMatch(w -> w.contains("row #7") && w.contains("no model"))
        .anyMatch(w -> w.contains("row #8") && w.contains("not a JSON object"))
        .anyMatch(w -> w.contains("generations #1"))
        .anyMatch(w -> w.contains("generations #2") && w.contains("source"));
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
