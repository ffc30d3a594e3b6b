package dev.modelfleet.ranker.accuracy;

/**
 * The estimate people make without a tool, as the baseline the estimator has to beat: weights are
 * parameters times bytes per weight, VRAM is that plus 20%, and decode speed is one GPU's memory
 * bandwidth over the weight bytes. It knows nothing of the KV cache, the engine, mixtures of
 * experts or tensor parallelism.
 *
 * <p>Bytes per weight come from the same quantization table the estimator uses, so the comparison
 * isolates the modelling rather than the table. Decode uses one device's bandwidth even on several
 * GPUs, the rule as usually quoted; that is also what llama.cpp's layer split achieves.
 */
final class RuleOfThumb {
  /** The headroom the rule adds to the weights for everything else. */
  static final double VRAM_FACTOR = 1.2;

  private static final double GIB = 1024.0 * 1024 * 1024;

  private RuleOfThumb() {}

  /** Parameters times bytes per weight, in GiB. */
  static double weightsGiB(double parameters, double bitsPerWeight) {
    return parameters * bitsPerWeight / 8 / GIB;
  }

  /** Weights plus 20%, in GiB. */
  static double vramGiB(double parameters, double bitsPerWeight) {
    return weightsGiB(parameters, bitsPerWeight) * VRAM_FACTOR;
  }

  /** Whether the VRAM figure fits the GPUs' combined memory. */
  static boolean fits(
      double parameters, double bitsPerWeight, double memoryGiBPerGpu, int gpuCount) {
    return vramGiB(parameters, bitsPerWeight) <= memoryGiBPerGpu * gpuCount;
  }

  /** One device's bandwidth over the weight bytes, in tokens per second. */
  static double decodeTokensPerSecond(
      double parameters, double bitsPerWeight, double bandwidthGBps) {
    return bandwidthGBps * 1e9 / (parameters * bitsPerWeight / 8);
  }
}
