package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.count;
import static dev.modelfleet.ranker.estimate.ExplainFormat.decimal;
import static dev.modelfleet.ranker.estimate.ExplainFormat.gb;
import static dev.modelfleet.ranker.estimate.ExplainFormat.millis;

import java.util.Locale;

/** The sentence on decode speed: bytes read per token and effective bandwidth. */
final class SpeedExplanation {
  private SpeedExplanation() {}

  static String speed(Calculation c) {
    if (c.tokensPerSecond <= 0) {
      return "no decode speed: "
          + c.engine.label()
          + " keeps the whole model on the GPUs and does not offload to the CPU by default";
    }
    double kvRead = c.readKvBytesPerGpu * c.gpus;
    StringBuilder s =
        new StringBuilder("decode ")
            .append(decimal(c.tokensPerSecond))
            .append(" tok/s for one sequence at ")
            .append(count(c.context))
            .append(" tokens of context: each token reads ")
            .append(gb(c.readWeightBytes + kvRead))
            .append(" (weights ")
            .append(gb(c.readWeightBytes));
    if (c.facts.hasMoe()) {
      s.append(", active experts only");
    }
    s.append(", KV cache ").append(gb(kvRead)).append(')');
    if (c.offloaded) {
      int layers = Math.max(1, c.facts.numLayers());
      s.append("; it does not fit, so ")
          .append(c.engine.label())
          .append(" keeps ")
          .append(c.gpuLayers)
          .append(" of ")
          .append(layers)
          .append(" layers on the GPU and runs ")
          .append(layers - c.gpuLayers)
          .append(" on the CPU at ")
          .append(decimal(SpeedEstimator.CPU_BANDWIDTH_GBPS))
          .append(" GB/s x ")
          .append(SpeedEstimator.CPU_DECODE_EFFICIENCY);
      return s.toString();
    }
    if (c.engine.splitsTensors()) {
      s.append(" at ")
          .append(c.gpus > 1 ? c.gpus + " x " : "")
          .append(decimal(c.gpu.bandwidthGBps()))
          .append(" GB/s x ")
          .append(String.format(Locale.ROOT, "%.3f", SpeedEstimator.TORCH_DECODE_EFFICIENCY))
          .append(" (")
          .append(c.engine.label())
          .append(" decode efficiency)");
      if (c.gpus > 1) {
        s.append(", plus ")
            .append(millis(c.syncTime))
            .append(" per token for two all-reduces per layer across ")
            .append(c.gpus)
            .append(" GPUs");
      }
    } else {
      s.append(" at ")
          .append(decimal(c.gpu.bandwidthGBps()))
          .append(" GB/s x ")
          .append(SpeedEstimator.ggmlEfficiency(c.gpu))
          .append(", plus ")
          .append(millis(c.fixedTime))
          .append(" per token of fixed per-layer time (")
          .append(perLayer(c))
          .append(")");
      if (c.gpus > 1) {
        s.append("; the ").append(c.gpus).append(" GPUs hold different layers and take turns");
      }
    }
    s.append(": ").append(decimal(c.effectiveBandwidthGBps)).append(" GB/s effective");
    return s.toString();
  }

  /** Where the fixed time comes from: Metal's figure, or the CUDA figure at this GPU's clock. */
  private static String perLayer(Calculation c) {
    String each =
        String.format(
            Locale.ROOT,
            "%d layers x %.1f us",
            c.facts.numLayers(),
            c.fixedTime * 1e6 / Math.max(1, c.facts.numLayers()));
    if (Estimator.isApple(c.gpu)) {
      return each + ", Metal";
    }
    if (c.gpu.clockMHz() > 0) {
      return each + " at " + decimal(c.gpu.clockMHz()) + " MHz";
    }
    return each
        + ", clock not known: "
        + decimal(SpeedEstimator.GGML_REFERENCE_CLOCK_MHZ)
        + " MHz assumed";
  }
}
