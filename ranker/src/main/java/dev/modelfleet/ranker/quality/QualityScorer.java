package dev.modelfleet.ranker.quality;

import dev.modelfleet.ranker.Confidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fuses benchmark observations into a model's quality score. Each observation is graded against the
 * model ({@link Evidence}), weighted by who measured it ({@link SourceKind}) and by its age ({@link
 * Recency}); each benchmark's score is the weighted mean of its observations, and the model's score
 * is the mean of its benchmarks weighted by their evidence, capped per benchmark, with the neutral
 * prior as a small pseudo-observation. The same input always gives the same output, explanation
 * included.
 */
public final class QualityScorer {
  /**
   * The score of a model no evidence speaks for: the middle of the scale, neither better nor worse
   * than anything else.
   */
  public static final double NEUTRAL_PRIOR = 50.0;

  /**
   * The weight of the neutral prior in the mean, as if it were one more benchmark: a quarter of one
   * fresh direct cluster measurement. It only matters when evidence is thin: a single sibling's
   * figure (weight about 0.1) moves the score under a third of the way from 50, a fresh cluster
   * measurement 80% of the way, and five benchmarks from a year-old independent leaderboard (5 x
   * 0.8 x 0.5 = 2.0) keep 89% of their distance from 50.
   */
  public static final double PRIOR_WEIGHT = 0.25;

  /**
   * The most one benchmark counts for in the model's score, in units of one fresh direct cluster
   * measurement. Repeating a benchmark makes its figure surer, not the model better at everything:
   * five MMLU-Pro measurements must not outvote one each of GPQA, MATH and IFEval.
   */
  public static final double BENCHMARK_WEIGHT_CAP = 1.0;

  /**
   * Confidence weight (the sum over benchmarks of the capped weight of evidence about this model
   * itself: direct, variant and self-reported) for high confidence: as much as two fresh direct
   * cluster measurements on different benchmarks, or three benchmarks from a current independent
   * leaderboard (3 x 0.8 = 2.4). Base-model and sibling figures inform the score, never the
   * confidence: they are not measurements of this model.
   */
  public static final double HIGH_CONFIDENCE_WEIGHT = 2.0;

  /**
   * Confidence weight for medium confidence: one fresh direct cluster measurement, or a vendor card
   * with five benchmarks at half a year old (5 x 0.9 x 0.6 x 0.71 = 1.9) but not at two years old
   * with a newer generation out (5 x 0.54 x 0.25 x 0.75 = 0.51).
   */
  public static final double MEDIUM_CONFIDENCE_WEIGHT = 0.75;

  /**
   * Points on the 0-100 scale two measurements of the same model may differ before they count as
   * conflicting, which lowers the confidence one level. Different harnesses on the same checkpoint
   * move scores by up to about five points (Llama 3.1 8B Instruct IFEval: 80.4 on Meta's card, 75.9
   * strict-prompt in Qwen's table; GPQA 30.4 vs 32.8); beyond ten they measured different things
   * (Llama 3.3 70B Instruct MATH: 77.0 on Meta's card, 66.3 with simple-evals on the phi-4 card).
   */
  public static final double CONFLICT_SPREAD = 10.0;

  private static final Comparator<Contribution> ORDER =
      Comparator.comparing(Contribution::benchmark)
          .thenComparing(Comparator.comparingDouble(Contribution::weight).reversed())
          .thenComparing(c -> Objects.toString(c.observation().source(), ""))
          .thenComparing(
              c -> c.observation().observedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(c -> Objects.toString(c.observation().modelId(), ""))
          .thenComparingDouble(c -> c.observation().score())
          .thenComparing(c -> Objects.toString(c.observation().quant(), ""))
          .thenComparing(c -> Objects.toString(c.observation().benchmark(), ""))
          .thenComparing(c -> c.observation().sourceKind())
          .thenComparing(c -> Objects.toString(c.observation().evidence(), ""));

  private final FamilyGenerations generations;

  /** A scorer without generation data: no per-generation penalty. */
  public QualityScorer() {
    this(FamilyGenerations.none());
  }

  /** A scorer that penalises observations made before newer generations of their family. */
  public QualityScorer(FamilyGenerations generations) {
    this.generations = generations == null ? FamilyGenerations.none() : generations;
  }

  /** A scorer with the generations of the bundled benchmark snapshot. */
  public static QualityScorer bundled() {
    return new QualityScorer(BenchmarkSnapshot.bundled().generations());
  }

  /**
   * The quality of {@code modelId} served at {@code quant} (null: the one the id names, else the
   * release checkpoint), from {@code observations} of any models; those about other models are
   * ignored and counted in the explanation.
   */
  public QualityScore score(
      String modelId, String quant, List<Observation> observations, Instant now) {
    return score(ScoredModel.of(modelId, quant), observations, now);
  }

  /** The quality of {@code model}, which may declare the base model it was fine-tuned from. */
  public QualityScore score(ScoredModel model, List<Observation> observations, Instant now) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(now, "now");
    EvidenceGrader grader = new EvidenceGrader(model);
    List<Contribution> counted = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    int unrelated = 0;
    for (Observation observation : observations == null ? List.<Observation>of() : observations) {
      String problem = problem(observation);
      if (problem != null) {
        rejected.add(problem);
        continue;
      }
      EvidenceGrader.Grading grading = grader.grade(observation);
      if (grading.evidence().isEmpty()) {
        unrelated++;
        continue;
      }
      counted.add(contribution(observation, grading, now));
    }
    counted.sort(ORDER);
    String subject =
        Text.source(model.modelId())
            + " at "
            + grader.targetQuant().canonical()
            + (grader.targetQuant().assumed()
                ? " (no quantization named: the release checkpoint)"
                : "");
    List<String> ignoredLines = ignored(unrelated, rejected);
    if (counted.isEmpty()) {
      List<String> explanation = new ArrayList<>();
      explanation.add(
          "No benchmark evidence for "
              + subject
              + ": quality is the neutral prior "
              + Text.score(NEUTRAL_PRIOR)
              + "/100, confidence low.");
      explanation.addAll(ignoredLines);
      return new QualityScore(NEUTRAL_PRIOR, Confidence.LOW, List.of(), explanation);
    }
    return fuse(subject, counted, ignoredLines);
  }

  private QualityScore fuse(String subject, List<Contribution> counted, List<String> ignoredLines) {
    Map<String, List<Contribution>> byBenchmark = new LinkedHashMap<>();
    counted.forEach(c -> byBenchmark.computeIfAbsent(c.benchmark(), b -> new ArrayList<>()).add(c));
    double weighted = 0.0;
    double evidenceWeight = 0.0;
    double confidenceWeight = 0.0;
    List<String> benchmarkLines = new ArrayList<>();
    for (Map.Entry<String, List<Contribution>> entry : byBenchmark.entrySet()) {
      double total = 0.0;
      double sum = 0.0;
      double aboutThisModel = 0.0;
      for (Contribution c : entry.getValue()) {
        total += c.weight();
        sum += c.weight() * c.normalisedScore();
        if (Agreement.isAboutThisModel(c.evidence())) {
          aboutThisModel += c.weight();
        }
      }
      double benchmarkScore = sum / total;
      double counts = Math.min(total, BENCHMARK_WEIGHT_CAP);
      weighted += counts * benchmarkScore;
      evidenceWeight += counts;
      confidenceWeight += Math.min(aboutThisModel, BENCHMARK_WEIGHT_CAP);
      benchmarkLines.add(
          entry.getKey()
              + ": "
              + Text.score(benchmarkScore)
              + "/100 from "
              + Text.count(entry.getValue().size(), "observation")
              + ", weight "
              + Text.weight(total)
              + (total > BENCHMARK_WEIGHT_CAP
                  ? " (counts as " + Text.weight(BENCHMARK_WEIGHT_CAP) + ")"
                  : "")
              + ".");
    }
    double evidenceScore = weighted / evidenceWeight;
    double score = (weighted + PRIOR_WEIGHT * NEUTRAL_PRIOR) / (evidenceWeight + PRIOR_WEIGHT);
    List<String> confidenceLines = new ArrayList<>();
    Confidence confidence = confidence(confidenceWeight, counted, confidenceLines);

    List<String> explanation = new ArrayList<>();
    explanation.add(
        "Quality "
            + Text.score(score)
            + "/100 for "
            + subject
            + ", confidence "
            + confidence.label()
            + ": "
            + Text.count(counted.size(), "observation")
            + " over "
            + Text.count(byBenchmark.size(), "benchmark")
            + ".");
    explanation.add(
        "The benchmarks average "
            + Text.score(evidenceScore)
            + " at weight "
            + Text.weight(evidenceWeight)
            + "; with the neutral prior "
            + Text.score(NEUTRAL_PRIOR)
            + " at weight "
            + Text.weight(PRIOR_WEIGHT)
            + " that gives "
            + Text.score(score)
            + ".");
    explanation.addAll(confidenceLines);
    explanation.addAll(benchmarkLines);
    counted.forEach(c -> explanation.add(c.reason()));
    explanation.addAll(ignoredLines);
    return new QualityScore(score, confidence, counted, explanation);
  }

  private static Confidence confidence(
      double weight, List<Contribution> counted, List<String> lines) {
    Confidence confidence;
    String measured =
        "Evidence about this model itself (direct, variant, self-reported) weighs "
            + Text.weight(weight);
    if (weight >= HIGH_CONFIDENCE_WEIGHT) {
      confidence = Confidence.HIGH;
      lines.add(
          measured + ", at least " + Text.weight(HIGH_CONFIDENCE_WEIGHT) + ": high confidence.");
    } else if (weight >= MEDIUM_CONFIDENCE_WEIGHT) {
      confidence = Confidence.MEDIUM;
      lines.add(
          measured
              + ", at least "
              + Text.weight(MEDIUM_CONFIDENCE_WEIGHT)
              + " but below "
              + Text.weight(HIGH_CONFIDENCE_WEIGHT)
              + ": medium confidence.");
    } else {
      confidence = Confidence.LOW;
      lines.add(
          measured + ", below " + Text.weight(MEDIUM_CONFIDENCE_WEIGHT) + ": low confidence.");
    }
    boolean vendorOnly =
        counted.stream()
            .filter(c -> Agreement.isAboutThisModel(c.evidence()))
            .allMatch(c -> c.observation().sourceKind() == SourceKind.VENDOR);
    if (vendorOnly && confidence == Confidence.HIGH) {
      confidence = Confidence.MEDIUM;
      lines.add(
          "Capped at medium confidence: every figure is the vendor's own; an EvalRun or an"
              + " independent measurement would confirm it.");
    }
    List<Agreement.Conflict> conflicts = Agreement.conflicts(counted);
    for (Agreement.Conflict conflict : conflicts) {
      lines.add(
          "Sources disagree on "
              + conflict.benchmark()
              + ": "
              + Text.published(conflict.high().observation().score())
              + " from "
              + Text.source(conflict.high().observation().source())
              + " vs "
              + Text.published(conflict.low().observation().score())
              + " from "
              + Text.source(conflict.low().observation().source())
              + ", "
              + Text.score(conflict.spread())
              + " points apart on the 0-100 scale (more than "
              + Text.score(CONFLICT_SPREAD)
              + ").");
    }
    if (!conflicts.isEmpty()) {
      Confidence lowered = confidence.lower();
      lines.add(
          "Confidence lowered from "
              + confidence.label()
              + " to "
              + lowered.label()
              + " because the evidence conflicts.");
      confidence = lowered;
    }
    return confidence;
  }

  private Contribution contribution(
      Observation observation, EvidenceGrader.Grading grading, Instant now) {
    Benchmark benchmark = Benchmarks.lookup(observation.benchmark());
    int newer = generations.newerThan(observation.modelId(), observation.observedAt(), now);
    Recency.Aging aging = Recency.age(observation.observedAt(), now, newer);
    double sourceWeight = observation.sourceKind().weight();
    double weight = grading.weight() * sourceWeight * aging.weight();
    double normalised = benchmark.normalise(observation.score());
    Evidence evidence = grading.evidence().orElseThrow();
    String reason =
        benchmark.name()
            + " "
            + Text.published(observation.score())
            + " from "
            + Text.source(observation.source())
            + " ("
            + grading.reason()
            + ", weight "
            + Text.weight(grading.weight())
            + "; "
            + observation.sourceKind().label()
            + " source, weight "
            + Text.weight(sourceWeight)
            + "; "
            + ageText(aging)
            + ", weight "
            + Text.weight(aging.weight())
            + ") -> "
            + Text.score(normalised)
            + "/100 at weight "
            + Text.weight(weight)
            + (benchmark.known() ? "" : "; " + benchmark.basis())
            + ".";
    return new Contribution(
        observation,
        benchmark.name(),
        normalised,
        evidence,
        grading.weight(),
        sourceWeight,
        aging,
        weight,
        reason);
  }

  private static String ageText(Recency.Aging aging) {
    StringBuilder text = new StringBuilder();
    if (aging.undated()) {
      text.append("undated, taken as old");
    } else {
      text.append(Text.count((int) Math.round(aging.ageDays()), "day")).append(" old");
    }
    if (aging.newerGenerations() > 0) {
      text.append(", ")
          .append(Text.count(aging.newerGenerations(), "newer generation"))
          .append(" since");
    }
    if (aging.floored()) {
      text.append(", at the floor");
    }
    return text.toString();
  }

  private static String problem(Observation observation) {
    if (observation == null) {
      return "Ignored an empty observation.";
    }
    String label =
        Objects.toString(observation.benchmark(), "(no benchmark)")
            + " "
            + Text.published(observation.score())
            + " from "
            + Text.source(observation.source());
    if (observation.modelId() == null || observation.modelId().isBlank()) {
      return "Ignored " + label + ": it names no model.";
    }
    if (observation.benchmark() == null || observation.benchmark().isBlank()) {
      return "Ignored " + label + ": it names no benchmark.";
    }
    Benchmark benchmark = Benchmarks.lookup(observation.benchmark());
    if (!benchmark.accepts(observation.score())) {
      return "Ignored "
          + label
          + ": "
          + benchmark.name()
          + " scores lie between "
          + Text.published(benchmark.validMin())
          + " and "
          + Text.published(benchmark.validMax())
          + ".";
    }
    return null;
  }

  private static List<String> ignored(int unrelated, List<String> rejected) {
    // Sorted so the explanation does not depend on the order the observations came in.
    List<String> lines = new ArrayList<>(rejected);
    lines.sort(null);
    if (unrelated > 0) {
      lines.add("Ignored " + Text.count(unrelated, "observation") + " of other models.");
    }
    return lines;
  }
}
