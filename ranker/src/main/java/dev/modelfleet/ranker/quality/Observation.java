package dev.modelfleet.ranker.quality;

import java.time.Instant;

/**
 * One benchmark result as reported, about the model its source measured.
 *
 * @param modelId the model measured, as its source names it ("Qwen/Qwen2.5-7B-Instruct",
 *     "bartowski/Qwen2.5-7B-Instruct-GGUF"); mirror suffixes and organisations are handled by
 *     {@link ModelIdentity}
 * @param benchmark the benchmark's name ("MMLU-Pro", "GPQA Diamond", "Arena Elo"); see {@link
 *     Benchmarks} for the ones with a known scale, anything else is read as a 0-100 accuracy
 * @param score the score in the benchmark's own unit, as published (accuracy %, pass@1 %, Elo);
 *     {@link Benchmarks#normalise} maps it to 0-100
 * @param source where it comes from: a URL, or "EvalRun namespace/name" for a cluster measurement
 * @param observedAt when it was measured or published; null is read as the oldest evidence there is
 * @param quant the quantization measured ("BF16", "AWQ", "Q4_K_M"); null or blank means the one the
 *     model id names, else the release checkpoint
 * @param evidence what the source says it measured: DIRECT for an EvalRun of the served model,
 *     SELF_REPORTED for a vendor's card; null when it says nothing. The grade used for scoring is
 *     worked out against the model being scored; see {@link QualityScorer}
 * @param sourceKind who measured; null means {@link SourceKind#VENDOR} when {@code evidence} is
 *     SELF_REPORTED, else {@link SourceKind#INDEPENDENT}
 */
public record Observation(
    String modelId,
    String benchmark,
    double score,
    String source,
    Instant observedAt,
    String quant,
    Evidence evidence,
    SourceKind sourceKind) {

  /** Fills in the source kind the evidence implies, and the evidence a vendor source implies. */
  public Observation {
    if (sourceKind == null) {
      sourceKind = evidence == Evidence.SELF_REPORTED ? SourceKind.VENDOR : SourceKind.INDEPENDENT;
    }
    if (evidence == null && sourceKind == SourceKind.VENDOR) {
      evidence = Evidence.SELF_REPORTED;
    }
  }

  /** An observation whose source says nothing about what it measured: a public measurement. */
  public Observation(
      String modelId,
      String benchmark,
      double score,
      String source,
      Instant observedAt,
      String quant) {
    this(modelId, benchmark, score, source, observedAt, quant, null, null);
  }

  /** An observation with the evidence its source claims; the source kind follows from it. */
  public Observation(
      String modelId,
      String benchmark,
      double score,
      String source,
      Instant observedAt,
      String quant,
      Evidence evidence) {
    this(modelId, benchmark, score, source, observedAt, quant, evidence, null);
  }

  /**
   * A result an EvalRun measured in this cluster on the served model: evidence DIRECT, source
   * "EvalRun namespace/name".
   */
  public static Observation fromEvalRun(
      String modelId,
      String quant,
      String benchmark,
      double score,
      String evalRun,
      Instant observedAt) {
    return new Observation(
        modelId,
        benchmark,
        score,
        "EvalRun " + evalRun,
        observedAt,
        quant,
        Evidence.DIRECT,
        SourceKind.CLUSTER_EVAL);
  }
}
