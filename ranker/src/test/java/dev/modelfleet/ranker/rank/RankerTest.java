package dev.modelfleet.ranker.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.ranker.Confidence;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.QualityScore;
import dev.modelfleet.ranker.quality.QualityScorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankerTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final GpuTarget H100 = new GpuTarget("NVIDIA H100 80GB", 80, 3350, true);
  private static final HardwareTarget ONE_H100 = HardwareTarget.of(H100, 1);
  private static final HardwareTarget EIGHT_H100 = HardwareTarget.of(H100, 8);
  private static final String LLAMA_8B = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String LLAMA_70B = "meta-llama/Llama-3.1-70B-Instruct";
  private static final String LLAMA_405B = "meta-llama/Llama-3.1-405B-Instruct";
  private static final String QWEN_7B = "Qwen/Qwen2.5-7B-Instruct";

  private final Ranker ranker = new Ranker();

  private static ModelFacts facts(String id) {
    return ModelCatalog.bundled().lookup(id).orElseThrow().model().facts();
  }

  private static QualityScore quality(double score) {
    return new QualityScore(score, Confidence.MEDIUM, List.of(), List.of("given"));
  }

  private static Candidate candidate(String id, String quant, double quality) {
    return Candidate.of(facts(id), quant, 8192, quality(quality));
  }

  private List<RankedModel> rank(List<Candidate> candidates, HardwareTarget target) {
    return ranker.rank(candidates, target, RankOptions.defaults());
  }

  @Test
  void theOrderIsScoreThenModelIdThenQuantWhateverTheInputOrder() {
    List<Candidate> candidates = new ArrayList<>();
    // Same architecture under two ids: equal scores, so the id decides.
    candidates.add(
        Candidate.of(facts(LLAMA_8B).withId("zeta/llama-8b"), "bf16", 8192, quality(60)));
    candidates.add(
        Candidate.of(facts(LLAMA_8B).withId("alpha/llama-8b"), "bf16", 8192, quality(60)));
    candidates.add(candidate(LLAMA_8B, "fp8", 60));
    candidates.add(candidate(LLAMA_8B, "awq", 60));
    candidates.add(candidate(QWEN_7B, "bf16", 70));
    candidates.add(candidate(LLAMA_70B, "awq", 80));

    List<String> first = keys(rank(candidates, EIGHT_H100));
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      List<Candidate> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, random);
      assertThat(keys(rank(shuffled, EIGHT_H100))).isEqualTo(first);
    }

    List<RankedModel> rows = rank(candidates, EIGHT_H100);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i - 1).score()).isGreaterThanOrEqualTo(rows.get(i).score());
    }
    assertThat(first).containsSubsequence("alpha/llama-8b BF16", "zeta/llama-8b BF16");
  }

  @Test
  void aLargeListIsRankedInParallelInTheSameOrder() {
    List<Candidate> candidates = new ArrayList<>();
    String[] ids = {LLAMA_8B, QWEN_7B, LLAMA_70B};
    String[] quants = {"bf16", "fp8", "awq", "Q4_K_M"};
    for (int i = 0; i < Ranker.PARALLEL_THRESHOLD + 10; i++) {
      candidates.add(
          Candidate.of(
              facts(ids[i % ids.length]).withId("org/model-" + (i % 97)),
              quants[i % quants.length],
              2048 + 1024 * (i % 5),
              quality(40 + i % 30)));
    }
    List<RankedModel> parallel = rank(candidates, EIGHT_H100);
    // Two halves, each short enough to be ranked on one thread, merged in the ranking's order.
    int half = candidates.size() / 2;
    List<RankedModel> sequential = new ArrayList<>(rank(candidates.subList(0, half), EIGHT_H100));
    sequential.addAll(rank(candidates.subList(half, candidates.size()), EIGHT_H100));
    sequential.sort(Ranker.ORDER);
    assertThat(keys(parallel)).isEqualTo(keys(sequential));
    assertThat(parallel)
        .extracting(RankedModel::score)
        .containsExactlyElementsOf(sequential.stream().map(RankedModel::score).toList());
    assertThat(parallel).hasSize(candidates.size());
  }

  @Test
  void aModelThatFitsNowhereIsLeftOutUnlessAskedForAndThenExplained() {
    List<Candidate> candidates =
        List.of(candidate(LLAMA_405B, "bf16", 90), candidate(LLAMA_8B, "bf16", 60));

    assertThat(rank(candidates, ONE_H100))
        .extracting(RankedModel::modelId)
        .containsExactly(LLAMA_8B);

    List<RankedModel> all =
        ranker.rank(candidates, ONE_H100, RankOptions.defaults().withIncludeUnfit(true));
    assertThat(all).extracting(RankedModel::modelId).containsExactly(LLAMA_8B, LLAMA_405B);
    RankedModel unfit = all.get(1);
    assertThat(unfit.fits()).isFalse();
    assertThat(unfit.score()).isZero();
    assertThat(unfit.decodeTokensPerSecond()).isZero();
    assertThat(unfit.vramPerGpuGiB()).isGreaterThan(700);
    assertThat(unfit.explanation().get(0))
        .matches("won't fit: needs \\d+(\\.\\d)? GiB, the node has 80 GiB");
    assertThat(unfit.explanation())
        .contains("score 0: a model that does not fit cannot be served here");

    RankedModel onEight =
        ranker.rank(List.of(candidates.get(0)), EIGHT_H100, new RankOptions(true)).get(0);
    assertThat(onEight.fits()).isFalse();
    assertThat(onEight.gpus()).isEqualTo(8);
    assertThat(onEight.explanation().get(0))
        .startsWith("won't fit: needs")
        .contains("per GPU even split over 8 GPUs, each has 80 GiB (640 GiB in the node)");
  }

  @Test
  void tensorParallelismIsChosenWhenOneGpuIsTooSmall() {
    Candidate big = candidate(LLAMA_70B, "bf16", 80);

    assertThat(rank(List.of(big), ONE_H100)).isEmpty();
    RankedModel row = rank(List.of(big), EIGHT_H100).get(0);

    assertThat(row.fits()).isTrue();
    assertThat(row.engine()).isEqualTo(Engine.VLLM);
    assertThat(row.gpus()).isIn(2, 4);
    assertThat(row.parallelism()).isEqualTo("tensor");
    assertThat(row.vramPerGpuGiB()).isLessThanOrEqualTo(80);
    assertThat(row.vramTotalGiB()).isGreaterThan(130);
    assertThat(row.fitTerm()).isEqualTo(RankScore.fit(true, row.gpus()));
    assertThat(row.explanation().get(0))
        .startsWith("needs " + row.gpus() + " GPUs with tensor parallelism")
        .contains("of 80 GiB");

    // The fewest GPUs that hold it: one fewer power of two does not fit.
    HardwareTarget smaller = HardwareTarget.of(H100, row.gpus() / 2);
    assertThat(rank(List.of(big), smaller)).isEmpty();
    // A node of 6 GPUs tries 1, 2 and 4.
    assertThat(Ranker.maxGpus(HardwareTarget.of(H100, 6))).isEqualTo(4);
  }

  @Test
  void aSmallModelFitsOnOneGpuWithoutParallelism() {
    RankedModel row = rank(List.of(candidate(LLAMA_8B, "bf16", 60)), EIGHT_H100).get(0);

    assertThat(row.gpus()).isEqualTo(1);
    assertThat(row.parallelism()).isEqualTo("none");
    assertThat(row.fitTerm()).isEqualTo(100);
    assertThat(row.decodeTokensPerSecond()).isGreaterThan(50);
    assertThat(row.explanation().get(0)).startsWith("fits on one NVIDIA H100 80GB: needs");
    assertThat(row.explanation().get(3)).startsWith("score " + Ranker.num(row.score()) + " = 0.6");
  }

  @Test
  void aBetterButSlowerModelWinsWhileAWeakerFasterOneWinsWhenQualityIsClose() {
    // 70B at 4-bit on one H100 is several times slower than 8B at BF16.
    RankedModel big = rank(List.of(candidate(LLAMA_70B, "awq", 80)), ONE_H100).get(0);
    RankedModel small = rank(List.of(candidate(LLAMA_8B, "bf16", 60)), ONE_H100).get(0);
    assertThat(big.decodeTokensPerSecond()).isLessThan(small.decodeTokensPerSecond());

    List<RankedModel> clearGap =
        rank(List.of(candidate(LLAMA_8B, "bf16", 60), candidate(LLAMA_70B, "awq", 80)), ONE_H100);
    assertThat(clearGap.get(0).modelId()).isEqualTo(LLAMA_70B);

    List<RankedModel> closeCall =
        rank(List.of(candidate(LLAMA_8B, "bf16", 60), candidate(LLAMA_70B, "awq", 62)), ONE_H100);
    assertThat(closeCall.get(0).modelId()).isEqualTo(LLAMA_8B);
  }

  @Test
  void conflictingEvidenceLowersTheRowsQualityConfidence() {
    List<Observation> agreeing = new ArrayList<>();
    for (String benchmark : List.of("MMLU-Pro", "GPQA", "MATH")) {
      agreeing.add(Observation.fromEvalRun(QWEN_7B, "BF16", benchmark, 60.0, "ml/eval", NOW));
    }
    List<Observation> conflicting = new ArrayList<>(agreeing);
    conflicting.add(
        new Observation(QWEN_7B, "MATH", 95.0, "https://leaderboard.example/qwen", NOW, null));
    QualityScorer scorer = QualityScorer.bundled();

    RankedModel calm =
        rank(
                List.of(
                    Candidate.of(
                        facts(QWEN_7B),
                        "bf16",
                        8192,
                        scorer.score(QWEN_7B, "bf16", agreeing, NOW))),
                ONE_H100)
            .get(0);
    RankedModel torn =
        rank(
                List.of(
                    Candidate.of(
                        facts(QWEN_7B),
                        "bf16",
                        8192,
                        scorer.score(QWEN_7B, "bf16", conflicting, NOW))),
                ONE_H100)
            .get(0);

    assertThat(calm.qualityConfidence()).isEqualTo("high");
    assertThat(torn.qualityConfidence()).isEqualTo("medium");
    assertThat(calm.evidence()).isEqualTo("direct");
    assertThat(torn.explanation().get(1)).startsWith("quality ").contains("medium confidence");
  }

  @Test
  void noEvidenceIsReportedAsNone() {
    QualityScore prior = QualityScorer.bundled().score("acme/unknown-7b", null, List.of(), NOW);
    RankedModel row =
        rank(
                List.of(Candidate.of(facts(LLAMA_8B).withId("acme/unknown-7b"), null, 4096, prior)),
                ONE_H100)
            .get(0);
    assertThat(row.evidence()).isEqualTo(Ranker.NO_EVIDENCE);
    assertThat(row.quant()).isEqualTo("BF16");
    assertThat(row.quality()).isEqualTo(QualityScorer.NEUTRAL_PRIOR);
  }

  private static List<String> keys(List<RankedModel> rows) {
    return rows.stream().map(r -> r.modelId() + " " + r.quant()).toList();
  }
}
