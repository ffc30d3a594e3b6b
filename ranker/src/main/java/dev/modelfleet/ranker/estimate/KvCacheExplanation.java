package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.count;
import static dev.modelfleet.ranker.estimate.ExplainFormat.gib;
import static dev.modelfleet.ranker.estimate.ExplainFormat.kib;
import static dev.modelfleet.ranker.estimate.ExplainFormat.mib;
import static dev.modelfleet.ranker.estimate.ExplainFormat.trim;

import dev.modelfleet.ranker.model.KvCacheShape;
import dev.modelfleet.ranker.model.LayerKind;

/** The sentence on the KV cache: shape, dtype and how it spreads over GPUs. */
final class KvCacheExplanation {
  private KvCacheExplanation() {}

  static String kvCache(Calculation c) {
    KvCacheShape shape = c.shape;
    double kvAll = c.kvBytesPerGpu * c.gpus;
    StringBuilder s =
        new StringBuilder("KV cache ")
            .append(gib(kvAll))
            .append(" for ")
            .append(c.sequences)
            .append(c.sequences == 1 ? " sequence" : " sequences")
            .append(" x ")
            .append(count(c.context))
            .append(" tokens: ");
    String dtype = c.kvDtype.label() + ", " + trim(c.kvDtype.bytes()) + " bytes per value";
    if (shape.mla()) {
      s.append(shape.fullAttentionLayers() + shape.slidingAttentionLayers())
          .append(" layers x a ")
          .append(shape.elementsPerTokenPerLayer())
          .append("-value MLA latent (")
          .append(dtype)
          .append(')');
    } else {
      s.append(shape.fullAttentionLayers())
          .append(" full-attention layers x 2 x ")
          .append(c.facts.numKeyValueHeads())
          .append(" KV heads x ")
          .append(c.facts.headDim())
          .append(" dims (")
          .append(dtype)
          .append(')');
    }
    double perToken = shape.elementsPerToken() * c.kvDtype.bytes();
    s.append(" = ").append(kib(perToken)).append(" per token");
    if (shape.slidingAttentionLayers() > 0 && !shape.mla()) {
      s.append(", plus ")
          .append(shape.slidingAttentionLayers())
          .append(" sliding-window layers capped at ")
          .append(count(shape.slidingWindow()))
          .append(" tokens");
    }
    if (shape.stateLayers() > 0) {
      s.append(", plus a fixed ")
          .append(mib(c.stateBytesPerSequence))
          .append(" per sequence for ")
          .append(shape.stateLayers())
          .append(' ')
          .append(stateLayerName(c))
          .append(" layers (")
          .append(c.stateBytesPerElement == VramEstimator.GGML_STATE_BYTES ? "f32" : "16-bit")
          .append(')');
    }
    if (c.gpus > 1) {
      if (c.engine.splitsTensors() && shape.mla()) {
        s.append("; the latent is shared by all heads, so each of the ")
            .append(c.gpus)
            .append(" GPUs keeps all of it");
      } else if (c.engine.splitsTensors() && c.attentionShare > 1.0 / c.gpus + 1e-12) {
        s.append("; ")
            .append(c.facts.numKeyValueHeads())
            .append(" KV heads over ")
            .append(c.gpus)
            .append(" GPUs, so heads are copied: ")
            .append(gib(c.kvBytesPerGpu))
            .append(" per GPU");
      } else {
        s.append("; ")
            .append(gib(c.kvBytesPerGpu))
            .append(" on each of ")
            .append(c.gpus)
            .append(" GPUs");
      }
    }
    return s.toString();
  }

  private static String stateLayerName(Calculation c) {
    boolean linear = c.facts.attention().count(LayerKind.LINEAR_ATTENTION) > 0;
    boolean mamba = c.facts.attention().count(LayerKind.MAMBA) > 0;
    if (linear && mamba) {
      return "linear-attention and Mamba";
    }
    return mamba ? "Mamba" : "linear-attention";
  }
}
