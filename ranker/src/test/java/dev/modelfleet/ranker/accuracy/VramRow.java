package dev.modelfleet.ranker.accuracy;

/**
 * A published memory figure: weights, KV cache, or everything an engine reports for a model.
 *
 * @param measure what was measured
 * @param gpu the GPU the figure came from, or null when the source names none
 * @param contextTokens tokens the KV cache holds (kv) or the context the engine ran with (total);
 *     null for weights
 * @param valueGiB the figure in GiB, for one GPU or the whole model as {@code scope} says
 * @param scope whether {@code valueGiB} is one tensor-parallel rank's share or the whole model's
 */
record VramRow(
    String id,
    String model,
    String quant,
    String engine,
    Measure measure,
    String gpu,
    int gpuCount,
    Integer contextTokens,
    double valueGiB,
    Scope scope,
    String source,
    String date,
    String note)
    implements Measurement {

  /** What a memory row measures. */
  enum Measure {
    /** Memory the weights take. */
    WEIGHTS,
    /** KV cache for {@code contextTokens} tokens. */
    KV,
    /** Everything the engine reports for the model at {@code contextTokens}. */
    TOTAL
  }

  /** Whether a figure covers one GPU or all of them. */
  enum Scope {
    /** One tensor-parallel rank. */
    PER_GPU,
    /** The whole model across its GPUs. */
    TOTAL
  }

  /** The figure for the whole model: a per-GPU figure times the GPU count. */
  double wholeModelGiB() {
    return scope == Scope.PER_GPU ? valueGiB * gpuCount : valueGiB;
  }
}
