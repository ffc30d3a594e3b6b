package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.billions;
import static dev.modelfleet.ranker.estimate.ExplainFormat.gib;

import java.util.Locale;

/** The sentence on the weights: size, format and where they live. */
final class WeightsExplanation {
  private WeightsExplanation() {}

  static String weights(Calculation c) {
    StringBuilder s = new StringBuilder("weights ").append(gib(c.weightBytes)).append(" (");
    s.append(billions(c.parameters.total())).append(" params");
    if (c.facts.hasMoe()) {
      s.append(", every expert resident");
    }
    s.append(" at ")
        .append(c.quant.canonical())
        .append(", ")
        .append(String.format(Locale.ROOT, "%.2f", c.quant.bitsPerWeight()))
        .append(" bits/weight");
    if (!c.quant.quantizesEmbeddings()) {
      s.append("; the ")
          .append(billions(c.embeddingParameters))
          .append(" embedding and output-head params stay at 16 bits");
    }
    if (c.facts.hasMoe()) {
      s.append("; ").append(billions(c.parameters.active())).append(" active per token");
    }
    if (c.hostEmbeddingBytes > 0) {
      s.append("; without the ")
          .append(gib(c.hostEmbeddingBytes))
          .append(" input embedding table, which ")
          .append(c.engine.label())
          .append(" keeps in host memory");
    }
    if (c.gpus > 1) {
      s.append("; ")
          .append(gib(c.weightBytes / c.gpus))
          .append(" on each of ")
          .append(c.gpus)
          .append(" GPUs");
    }
    return s.append(')').toString();
  }
}
