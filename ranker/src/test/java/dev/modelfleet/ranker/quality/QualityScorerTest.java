package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelfleet.ranker.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityScorerTest {
  private static final Instant NOW = Instant.parse("2025-08-08T00:00:00Z");
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String QWEN = "Qwen/Qwen2.5-7B-Instruct";
  private static final String CARD = "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct";
  private static final String BOARD = "https://leaderboard.example/qwen";

  private final QualityScorer scorer = new QualityScorer();

  @Test
  void noObservationsGivesTheNeutralPriorWithLowConfidence() {
    QualityScore score = scorer.score(QWEN, "BF16", List.of(), NOW);

    assertThat(score.score()).isEqualTo(QualityScorer.NEUTRAL_PRIOR);
    assertThat(score.confidence()).isEqualTo(Confidence.LOW);
    assertThat(score.contributions()).isEmpty();
    assertThat(score.hasEvidence()).isFalse();
    assertThat(score.strongestEvidence()).isEmpty();
    assertThat(score.explanation().get(0))
        .startsWith("No benchmark evidence for Qwen/Qwen2.5-7B-Instruct at BF16")
        .contains("neutral prior 50.0/100")
        .contains("confidence low");
  }

  @Test
  void observationsOfOtherModelsOnlyAreIgnoredAndCounted() {
    QualityScore score =
        scorer.score(
            QWEN, null, List.of(independent("google/gemma-2-9b-it", "MMLU-Pro", 52.1)), NOW);

    assertThat(score.score()).isEqualTo(QualityScorer.NEUTRAL_PRIOR);
    assertThat(score.explanation()).contains("Ignored 1 observation of other models.");
  }

  @Test
  void theSameModelAndQuantizationIsDirect() {
    Contribution c =
        only(
            scorer.score(
                QWEN, "AWQ", List.of(cluster(QWEN + "-AWQ", "awq", "MMLU-Pro", 55.0, 0)), NOW));

    assertThat(c.evidence()).isEqualTo(Evidence.DIRECT);
    assertThat(c.evidenceWeight()).isEqualTo(Evidence.DIRECT_WEIGHT);
    assertThat(c.sourceWeight()).isEqualTo(SourceKind.CLUSTER_EVAL_WEIGHT);
    assertThat(c.weight()).isEqualTo(1.0);
    assertThat(c.normalisedScore()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void anotherQuantizationIsAVariantPenalisedByBitsPerWeightDistance() {
    Observation bf16 = independent(QWEN, "MMLU-Pro", 56.3);
    Contribution awq = only(scorer.score(QWEN, "AWQ", List.of(bf16), NOW));
    Contribution q8 = only(scorer.score(QWEN, "Q8_0", List.of(bf16), NOW));
    Contribution q2 = only(scorer.score(QWEN, "Q2_K", List.of(bf16), NOW));

    double octaves = Math.log(16.0 / 4.15625) / Math.log(2.0);
    assertThat(awq.evidence()).isEqualTo(Evidence.VARIANT);
    assertThat(awq.evidenceWeight())
        .isCloseTo(
            Evidence.VARIANT_WEIGHT * Math.pow(Evidence.VARIANT_WEIGHT_PER_OCTAVE, octaves),
            within(1e-9));
    assertThat(awq.reason()).contains("variant: BF16 vs AWQ-INT4-G128");
    assertThat(q8.evidenceWeight()).isGreaterThan(awq.evidenceWeight());
    assertThat(q2.evidenceWeight()).isLessThan(awq.evidenceWeight());
  }

  @Test
  void aQuantizationNamedOnlyInTheModelIdIsReadFromIt() {
    Contribution c =
        only(scorer.score(QWEN + "-AWQ", null, List.of(independent(QWEN, "MMLU-Pro", 56.3)), NOW));

    assertThat(c.evidence()).isEqualTo(Evidence.VARIANT);
    assertThat(c.reason()).contains("BF16 vs AWQ-INT4-G128");
  }

  @Test
  void theBaseModelOfAnInstructModelIsGradedBase() {
    Contribution c =
        only(
            scorer.score(
                LLAMA, "BF16", List.of(independent("meta-llama/Llama-3.1-8B", "MMLU", 66.7)), NOW));

    assertThat(c.evidence()).isEqualTo(Evidence.BASE);
    assertThat(c.evidenceWeight()).isEqualTo(Evidence.BASE_WEIGHT);
    assertThat(c.reason()).contains("base: same weights, other post-training");
  }

  @Test
  void aDeclaredBaseModelCountsForAFineTuneWithItsOwnName() {
    ScoredModel fineTune = ScoredModel.of("acme/support-bot-8b", "BF16").withBase(LLAMA);

    Contribution c = only(scorer.score(fineTune, List.of(independent(LLAMA, "IFEval", 80.4)), NOW));

    assertThat(c.evidence()).isEqualTo(Evidence.BASE);
    assertThat(c.reason()).contains("the declared base model");
  }

  @Test
  void aSiblingOfAnotherSizeIsInterpolatedAndWeighsLessTheFurtherItIs() {
    Contribution near =
        only(
            scorer.score(
                QWEN, null, List.of(independent("Qwen/Qwen2.5-14B-Instruct", "GPQA", 45.5)), NOW));
    Contribution far =
        only(
            scorer.score(
                QWEN, null, List.of(independent("Qwen/Qwen2.5-32B-Instruct", "GPQA", 49.5)), NOW));
    QualityScore tooFar =
        scorer.score(
            QWEN, null, List.of(independent("Qwen/Qwen2.5-72B-Instruct", "GPQA", 49.0)), NOW);

    assertThat(near.evidence()).isEqualTo(Evidence.INTERPOLATED);
    assertThat(near.evidenceWeight())
        .isCloseTo(Evidence.INTERPOLATED_WEIGHT * Math.sqrt(7.0 / 14.0), within(1e-9));
    assertThat(far.evidenceWeight()).isLessThan(near.evidenceWeight());
    assertThat(tooFar.hasEvidence()).isFalse();
  }

  @Test
  void aVendorsOwnFigureIsSelfReported() {
    Observation card =
        new Observation(QWEN, "MMLU-Pro", 56.3, CARD, NOW, "BF16", Evidence.SELF_REPORTED);

    Contribution c = only(scorer.score(QWEN, "BF16", List.of(card), NOW));

    assertThat(card.sourceKind()).isEqualTo(SourceKind.VENDOR);
    assertThat(c.evidence()).isEqualTo(Evidence.SELF_REPORTED);
    assertThat(c.weight())
        .isCloseTo(Evidence.SELF_REPORTED_WEIGHT * SourceKind.VENDOR_WEIGHT, within(1e-12));
  }

  @Test
  void aVendorSourceImpliesSelfReportedEvidence() {
    Observation row =
        new Observation(QWEN, "GPQA", 36.4, CARD, NOW, "BF16", null, SourceKind.VENDOR);

    assertThat(row.evidence()).isEqualTo(Evidence.SELF_REPORTED);
  }

  @Test
  void aDirectClusterMeasurementOutweighsTheVendorsSelfReport() {
    List<Observation> evidence =
        List.of(
            vendor(QWEN, "support-tickets", 60.0, 0),
            cluster(QWEN, "BF16", "support-tickets", 80.0, 0));

    QualityScore score = scorer.score(QWEN, "BF16", evidence, NOW);

    double clusterWeight = 1.0;
    double vendorWeight = Evidence.SELF_REPORTED_WEIGHT * SourceKind.VENDOR_WEIGHT;
    double benchmark =
        (80.0 * clusterWeight + 60.0 * vendorWeight) / (clusterWeight + vendorWeight);
    assertThat(benchmark).isGreaterThan(70.0);
    assertThat(score.explanation())
        .contains("support-tickets: 73.0/100 from 2 observations, weight 1.54 (counts as 1.00).");
    assertThat(score.score()).isCloseTo(withPrior(benchmark, 1.0), within(1e-9));
    assertThat(score.strongestEvidence()).contains(Evidence.DIRECT);
    assertThat(score.contributions().get(0).observation().sourceKind())
        .isEqualTo(SourceKind.CLUSTER_EVAL);
  }

  @Test
  void olderEvidenceWeighsLessByTheHalfLife() {
    QualityScore score =
        scorer.score(
            QWEN,
            null,
            List.of(
                independentAt(QWEN, "IFEval", 70.0, NOW.minus(Recency.HALF_LIFE)),
                independentAt(QWEN, "IFEval", 90.0, NOW)),
            NOW);

    assertThat(score.score())
        .isCloseTo(withPrior((70.0 * 0.5 + 90.0 * 1.0) / 1.5, 1.0), within(1e-9));
    assertThat(score.explanation()).anyMatch(line -> line.contains("365 days old, weight 0.50"));
  }

  @Test
  void newerGenerationsOfTheFamilyLowerTheWeightOfOlderFigures() {
    FamilyGenerations qwen =
        FamilyGenerations.of(
            List.of(
                new FamilyGenerations.Generation("qwen", "Qwen2.5", LocalDate.of(2024, 9, 19)),
                new FamilyGenerations.Generation("qwen", "Qwen3", LocalDate.of(2025, 4, 29))));
    Instant published = Instant.parse("2024-09-19T00:00:00Z");
    Observation old = independentAt(QWEN, "GPQA", 36.4, published);

    Contribution without = only(new QualityScorer().score(QWEN, null, List.of(old), NOW));
    Contribution with = only(new QualityScorer(qwen).score(QWEN, null, List.of(old), NOW));

    assertThat(with.aging().newerGenerations()).isEqualTo(1);
    assertThat(with.weight())
        .isCloseTo(without.weight() * Recency.GENERATION_PENALTY, within(1e-12));
    assertThat(with.reason()).contains("1 newer generation since");
  }

  @Test
  void conflictingEvidenceLowersTheConfidenceAndTheExplanationSaysSo() {
    List<Observation> agreeing = new ArrayList<>();
    for (String benchmark : List.of("MMLU-Pro", "GPQA", "MATH")) {
      agreeing.add(cluster(QWEN, "BF16", benchmark, 60.0, 0));
    }
    List<Observation> conflicting = new ArrayList<>(agreeing);
    conflicting.add(independent(QWEN, "MATH", 95.0));

    QualityScore calm = scorer.score(QWEN, "BF16", agreeing, NOW);
    QualityScore torn = scorer.score(QWEN, "BF16", conflicting, NOW);

    assertThat(calm.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(torn.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(torn.explanation())
        .anyMatch(
            line -> line.startsWith("Sources disagree on MATH: 95.0 from leaderboard.example"))
        .anyMatch(line -> line.contains("Confidence lowered from high to medium"));
  }

  @Test
  void aBaseModelScoringDifferentlyIsNoConflict() {
    List<Observation> evidence =
        List.of(
            independent(LLAMA, "MMLU-Pro", 48.3),
            independent("meta-llama/Llama-3.1-8B", "MMLU-Pro", 20.0));

    QualityScore score = scorer.score(LLAMA, "BF16", evidence, NOW);

    assertThat(score.explanation()).noneMatch(line -> line.startsWith("Sources disagree"));
  }

  @Test
  void confidenceFollowsTheEffectiveWeight() {
    Observation oneCluster = cluster(QWEN, "BF16", "GPQA", 40.0, 0);
    Observation sibling = independent("Qwen/Qwen2.5-14B-Instruct", "GPQA", 45.5);

    assertThat(scorer.score(QWEN, "BF16", List.of(oneCluster), NOW).confidence())
        .isEqualTo(Confidence.MEDIUM);
    assertThat(scorer.score(QWEN, "BF16", List.of(sibling), NOW).confidence())
        .isEqualTo(Confidence.LOW);
  }

  @Test
  void vendorFiguresAloneNeverGiveHighConfidence() {
    List<Observation> card = new ArrayList<>();
    for (String benchmark : List.of("MMLU-Pro", "GPQA", "MATH", "IFEval", "HumanEval", "MBPP")) {
      card.add(vendor(QWEN, benchmark, 60.0, 0));
    }

    QualityScore score = scorer.score(QWEN, "BF16", card, NOW);

    assertThat(score.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(score.explanation())
        .anyMatch(line -> line.contains("every figure is the vendor's own"));
  }

  @Test
  void oneBenchmarkCountsAtMostTheCapHoweverOftenItIsMeasured() {
    List<Observation> evidence = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      evidence.add(cluster(QWEN, "BF16", "MMLU-Pro", 91.0, i));
    }
    evidence.add(cluster(QWEN, "BF16", "GPQA", 25.0, 0));

    QualityScore score = scorer.score(QWEN, "BF16", evidence, NOW);

    // MMLU-Pro 91 -> 90/100 counts 1.0, GPQA 25 -> 0/100 counts 1.0: 45 before the prior.
    assertThat(score.explanation())
        .anyMatch(line -> line.startsWith("The benchmarks average 45.0 at weight 2.00"));
    assertThat(score.score())
        .isCloseTo(
            (90.0 + QualityScorer.PRIOR_WEIGHT * QualityScorer.NEUTRAL_PRIOR)
                / (2.0 + QualityScorer.PRIOR_WEIGHT),
            within(1e-9));
    assertThat(score.explanation()).anyMatch(line -> line.contains("(counts as 1.00)"));
  }

  @Test
  void impossibleOrIncompleteObservationsAreIgnoredWithAReason() {
    List<Observation> evidence =
        List.of(
            independent(QWEN, "MMLU", 140.0),
            independent("", "MMLU", 70.0),
            independent(QWEN, " ", 70.0),
            independent(QWEN, "GPQA", Double.NaN));

    QualityScore score = scorer.score(QWEN, null, evidence, NOW);

    assertThat(score.hasEvidence()).isFalse();
    assertThat(score.explanation())
        .anyMatch(line -> line.contains("MMLU scores lie between 0.0 and 100.0"))
        .anyMatch(line -> line.contains("names no model"))
        .anyMatch(line -> line.contains("names no benchmark"));
  }

  @Test
  void theExplanationSaysEachTermInAHumanSentence() {
    Observation leaderboard =
        independentAt(QWEN, "MMLU-Pro", 68.2, NOW.minus(Duration.ofDays(140)));

    QualityScore score = scorer.score(QWEN + "-AWQ", null, List.of(leaderboard), NOW);

    assertThat(score.explanation())
        .anyMatch(
            line ->
                line.startsWith(
                        "MMLU-Pro 68.2 from leaderboard.example/qwen (variant: BF16 vs AWQ-INT4-G128")
                    && line.contains("independent source, weight 0.80")
                    && line.contains("140 days old, weight 0.77")
                    && line.contains("-> 64.7/100 at weight"));
  }

  @Test
  void theSameObservationsInAnyOrderGiveTheSameScoreAndExplanation() {
    List<Observation> evidence = new ArrayList<>();
    String[] benchmarks = {"MMLU-Pro", "GPQA", "MATH", "IFEval", "HumanEval"};
    for (int i = 0; i < 20; i++) {
      String model = i % 3 == 0 ? "Qwen/Qwen2.5-14B-Instruct" : QWEN;
      evidence.add(
          independentAt(model, benchmarks[i % 5], 40.0 + i, NOW.minus(Duration.ofDays(10L * i))));
    }
    evidence.add(new Observation(QWEN, "GPQA Diamond", 41.0, BOARD, NOW, "Q8_0"));
    evidence.add(new Observation(QWEN, "GPQA", 41.0, BOARD, NOW, "AWQ"));
    evidence.add(vendor(QWEN, "GPQA", 41.0, 0));
    evidence.add(independent(QWEN, "MMLU", 140.0));
    evidence.add(independent("", "MMLU", 70.0));
    evidence.add(independent(QWEN, "IFEval", -3.0));
    QualityScore first = scorer.score(QWEN, "Q4_K_M", evidence, NOW);
    for (long seed = 1; seed <= 5; seed++) {
      List<Observation> shuffled = new ArrayList<>(evidence);
      Collections.shuffle(shuffled, new Random(seed));

      assertThat(scorer.score(QWEN, "Q4_K_M", shuffled, NOW)).isEqualTo(first);
    }
  }

  @Test
  void nullObservationsAndNullEntriesDoNotCrash() {
    List<Observation> withNull = new ArrayList<>();
    withNull.add(null);

    assertThat(scorer.score(QWEN, null, null, NOW).score()).isEqualTo(QualityScorer.NEUTRAL_PRIOR);
    assertThat(scorer.score(QWEN, null, withNull, NOW).explanation())
        .contains("Ignored an empty observation.");
  }

  @Test
  void thinEvidenceStaysNearTheNeutralPriorAndStrongEvidenceMovesAway() {
    QualityScore thin =
        scorer.score(
            QWEN, null, List.of(independent("Qwen/Qwen2.5-14B-Instruct", "IFEval", 95.0)), NOW);
    QualityScore strong =
        scorer.score(QWEN, "BF16", List.of(cluster(QWEN, "BF16", "IFEval", 95.0, 0)), NOW);

    double siblingWeight = thin.contributions().get(0).weight();
    assertThat(thin.score())
        .isCloseTo(withPrior(95.0, siblingWeight), within(1e-9))
        .isLessThan(70.0);
    assertThat(thin.confidence()).isEqualTo(Confidence.LOW);
    assertThat(strong.score()).isCloseTo(withPrior(95.0, 1.0), within(1e-9)).isGreaterThan(85.0);
  }

  private static double withPrior(double benchmarkMean, double weight) {
    return (benchmarkMean * weight + QualityScorer.PRIOR_WEIGHT * QualityScorer.NEUTRAL_PRIOR)
        / (weight + QualityScorer.PRIOR_WEIGHT);
  }

  private static Contribution only(QualityScore score) {
    assertThat(score.contributions()).hasSize(1);
    return score.contributions().get(0);
  }

  private static Observation independent(String model, String benchmark, double score) {
    return independentAt(model, benchmark, score, NOW);
  }

  private static Observation independentAt(
      String model, String benchmark, double score, Instant at) {
    return new Observation(model, benchmark, score, BOARD, at, "BF16");
  }

  private static Observation vendor(String model, String benchmark, double score, int daysAgo) {
    return new Observation(
        model,
        benchmark,
        score,
        CARD,
        NOW.minus(Duration.ofDays(daysAgo)),
        "BF16",
        Evidence.SELF_REPORTED);
  }

  private static Observation cluster(
      String model, String quant, String benchmark, double score, int run) {
    return Observation.fromEvalRun(model, quant, benchmark, score, "fleet/eval-" + run, NOW);
  }
}
