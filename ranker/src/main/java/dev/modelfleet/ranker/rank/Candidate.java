package dev.modelfleet.ranker.rank;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.EstimateRequest;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.quality.QualityScore;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.Objects;

/**
 * One model that could be served: its architecture in one weight format at one context length and
 * concurrency, with its quality score. Everything that does not depend on the hardware is worked
 * out once, here: the weight format's resolution, the weights' size (which bounds the GPU count a
 * ranking needs to try) and the quality score, so ranking against many hardware targets only
 * estimates what the hardware changes.
 */
public final class Candidate {
  /**
   * A GPU big enough for any model, used once per candidate to size its weights. Its figures only
   * have to be valid; the weights do not depend on them.
   */
  private static final GpuTarget SIZING_GPU = new GpuTarget("sizing", 1 << 20, 1000, false);

  private static final Estimator SIZING = new Estimator();

  private final ModelFacts model;
  private final ParameterCount parameters;
  private final String quant;
  private final int contextLength;
  private final int concurrency;
  private final Engine engine;
  private final String kvCacheDtype;
  private final QualityScore quality;
  private final QuantizationTable.Resolved resolvedQuant;
  private final double weightsGiB;
  private final String evidenceLabel;
  private final String qualityConfidenceLabel;

  /**
   * A candidate.
   *
   * @param model the architecture, from {@code config.json} or the catalog
   * @param parameters the parameter count; null for the one in {@code model}
   * @param quant the weight format ("Q4_K_M", "awq", "bf16"); null for the release checkpoint
   * @param contextLength tokens of context per sequence, at least 1
   * @param concurrency sequences served at once, at least 1
   * @param engine the engine; null to choose one per GPU (llama.cpp for GGUF and Apple silicon)
   * @param kvCacheDtype the KV cache type; null for the engine's default
   * @param quality the model's quality at this format ({@code QualityScorer})
   * @throws IllegalArgumentException when the model cannot be estimated (no layers, a context or
   *     concurrency below 1)
   */
  public Candidate(
      ModelFacts model,
      ParameterCount parameters,
      String quant,
      int contextLength,
      int concurrency,
      Engine engine,
      String kvCacheDtype,
      QualityScore quality) {
    this.model = Objects.requireNonNull(model, "model");
    this.quality = Objects.requireNonNull(quality, "quality");
    this.parameters = parameters;
    this.quant = quant;
    this.contextLength = contextLength;
    this.concurrency = concurrency;
    this.engine = engine;
    this.kvCacheDtype = kvCacheDtype;
    Estimate sized = SIZING.estimate(request(SIZING_GPU, 1, engine));
    this.resolvedQuant = sized.quant();
    this.weightsGiB = sized.vram().weightsGiB();
    this.qualityConfidenceLabel = quality.confidence().label();
    this.evidenceLabel = quality.strongestEvidence().map(e -> e.label()).orElse(Ranker.NO_EVIDENCE);
  }

  /** One sequence of {@code contextLength} tokens, engine and KV cache type chosen per GPU. */
  public static Candidate of(
      ModelFacts model, String quant, int contextLength, QualityScore quality) {
    return new Candidate(model, null, quant, contextLength, 1, null, null, quality);
  }

  EstimateRequest request(GpuTarget gpu, int gpus, Engine chosen) {
    return new EstimateRequest(
        model, parameters, quant, contextLength, concurrency, gpu, gpus, chosen, kvCacheDtype);
  }

  /** The repository id. */
  public String modelId() {
    return model.id();
  }

  /** The architecture. */
  public ModelFacts model() {
    return model;
  }

  /** The weight format as given; null for the release checkpoint. */
  public String quant() {
    return quant;
  }

  /** The weight format's canonical name, e.g. "AWQ", "Q4_K_M", "BF16". */
  public String canonicalQuant() {
    return resolvedQuant.canonical();
  }

  /** The weight format as the quantization table resolved it. */
  public QuantizationTable.Resolved resolvedQuant() {
    return resolvedQuant;
  }

  /** Tokens of context per sequence. */
  public int contextLength() {
    return contextLength;
  }

  /** Sequences served at once. */
  public int concurrency() {
    return concurrency;
  }

  /** The engine asked for; null when it is chosen per GPU. */
  public Engine engine() {
    return engine;
  }

  /** The quality score. */
  public QualityScore quality() {
    return quality;
  }

  /** The weights in their stored format, in GiB: no GPU count holds fewer per GPU than this / n. */
  public double weightsGiB() {
    return weightsGiB;
  }

  String qualityConfidenceLabel() {
    return qualityConfidenceLabel;
  }

  String evidenceLabel() {
    return evidenceLabel;
  }

  @Override
  public String toString() {
    return modelId() + " " + canonicalQuant() + " @" + contextLength;
  }
}
