package dev.modelfleet.ranker.model;

import java.util.Locale;

/**
 * Counts parameters from the architecture, or takes a count given from elsewhere (the Hub's
 * safetensors metadata, {@code --params-b}) and fills in what it lacks.
 *
 * <p>The count covers the language model as transformers builds it: embeddings, attention (q/k/v/o
 * with grouped-query heads, biases, per-head norms, MLA's low-rank projections), the MLP (three
 * matrices when gated, two otherwise), MoE experts, shared experts and routers, linear-attention
 * and Mamba mixers, and norms. Not counted: vision or audio towers, and DeepSeek's multi-token
 * prediction module, which the published 671B leaves out too.
 */
public final class ParameterCounter {

  private ParameterCounter() {}

  /** Total and active parameters computed from the architecture. */
  public static ParameterCount count(ModelFacts facts) {
    ParameterBreakdown parts = breakdown(facts);
    return new ParameterCount(
        parts.total(),
        parts.active(),
        lookupOnly(facts, parts),
        ParameterSource.COMPUTED,
        "computed from config.json");
  }

  /**
   * Prefers a given total (and active, for MoE) over the computed one. With no active figure, a
   * dense model's active count is its total and an MoE model's is computed; the note records how
   * far the given total is from the computed one, which flags a wrong config or an extra tower.
   *
   * @param total parameters, absolute (not billions); null or not positive to use the computed one
   * @param active active parameters, absolute; null or not positive when not known
   * @param source where the given figures came from
   */
  public static ParameterCount resolve(
      ModelFacts facts, Double total, Double active, ParameterSource source) {
    ParameterCount computed = count(facts);
    if (total == null || !(total > 0)) {
      return computed;
    }
    String difference =
        String.format(
            Locale.ROOT,
            "computed from config.json: %.2fB (%+.1f%%)",
            computed.totalBillions(),
            100 * (computed.total() - total) / total);
    double activeCount;
    String activeNote;
    if (active != null && active > 0) {
      activeCount = Math.min(active, total);
      activeNote = "active from " + label(source);
    } else if (facts.hasMoe()) {
      activeCount = Math.min(computed.active(), total);
      activeNote = "active computed from config.json";
    } else {
      activeCount = total;
      activeNote = "dense: active equals total";
    }
    return new ParameterCount(
        total,
        activeCount,
        computed.embeddingLookupOnly(),
        source,
        "total from " + label(source) + "; " + activeNote + "; " + difference);
  }

  /** The computed count, part by part. */
  public static ParameterBreakdown breakdown(ModelFacts f) {
    double hidden = f.hiddenSize();
    BlockDetails block = f.block();
    double normWidth = block.layerNormBias() ? 2 * hidden : hidden;

    double embedding = (double) f.vocabSize() * hidden;
    double outputHead = f.tieWordEmbeddings() ? 0 : embedding;
    double attention = 0;
    double recurrent = 0;
    double denseMlp = 0;
    double routed = 0;
    double activeRouted = 0;
    double shared = 0;
    double routers = 0;
    double norms = normWidth; // final norm

    MoeFacts moe = f.hasMoe() ? f.moe() : null;
    for (int layer = 0; layer < f.numLayers(); layer++) {
      LayerKind kind = f.attention().layers().get(layer);
      norms += block.normsPerLayer() * normWidth;
      switch (kind) {
        case FULL_ATTENTION, SLIDING_ATTENTION -> attention += attention(f);
        case LINEAR_ATTENTION -> recurrent += linearAttention(f.linearAttention(), hidden);
        case MAMBA -> recurrent += mamba(f.mamba(), hidden);
      }
      if (moe != null && moe.routesLayer(layer)) {
        double expert =
            mlp(hidden, moe.expertIntermediateSize(), block.gatedMlp(), moe.expertBias());
        routed += moe.numExperts() * expert;
        activeRouted += Math.min(moe.numExpertsPerToken(), moe.numExperts()) * expert;
        shared +=
            moe.numSharedExperts()
                * mlp(hidden, moe.sharedExpertIntermediateSize(), block.gatedMlp(), false);
        if (moe.sharedExpertGate() && moe.numSharedExperts() > 0) {
          shared += hidden;
        }
        routers += hidden * moe.numExperts() + (moe.routerBias() ? moe.numExperts() : 0);
      } else {
        denseMlp += mlp(hidden, f.intermediateSize(), block.gatedMlp(), block.mlpBias());
      }
    }
    return new ParameterBreakdown(
        embedding,
        outputHead,
        attention,
        recurrent,
        denseMlp,
        routed,
        activeRouted,
        shared,
        routers,
        norms);
  }

  private static double lookupOnly(ModelFacts facts, ParameterBreakdown parts) {
    return facts.tieWordEmbeddings() ? 0 : parts.embedding();
  }

  /** One attention layer: projections, biases, per-head norms, sinks. */
  private static double attention(ModelFacts f) {
    double hidden = f.hiddenSize();
    double heads = f.numAttentionHeads();
    if (f.hasMla()) {
      MlaFacts mla = f.mla();
      double qkHead = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
      double q =
          mla.qLoraRank() > 0
              ? hidden * mla.qLoraRank() + mla.qLoraRank() + mla.qLoraRank() * heads * qkHead
              : hidden * heads * qkHead;
      double kvDown = hidden * (mla.kvLoraRank() + mla.qkRopeHeadDim()) + mla.kvLoraRank();
      double kvUp = mla.kvLoraRank() * heads * (mla.qkNopeHeadDim() + mla.vHeadDim());
      double out = heads * mla.vHeadDim() * hidden;
      return q + kvDown + kvUp + out;
    }
    BlockDetails block = f.block();
    double qWidth = heads * f.headDim();
    double kvWidth = (double) f.numKeyValueHeads() * f.headDim();
    double q = hidden * qWidth * (block.attentionOutputGate() ? 2 : 1);
    double kv = 2 * hidden * kvWidth;
    double out = qWidth * hidden;
    double bias = 0;
    if (block.qkvBias()) {
      bias += qWidth * (block.attentionOutputGate() ? 2 : 1) + 2 * kvWidth;
    }
    if (block.outputBias()) {
      bias += hidden;
    }
    double qkNorm = block.qkNorm() ? 2.0 * f.headDim() : 0;
    double sinks = block.attentionSinks() ? heads : 0;
    return q + kv + out + bias + qkNorm + sinks;
  }

  /** One MLP of the given width: gate, up and down when gated; up and down otherwise. */
  private static double mlp(double hidden, double width, boolean gated, boolean bias) {
    double weights = (gated ? 3 : 2) * hidden * width;
    double biases = bias ? (gated ? 2 * width : width) + hidden : 0;
    return weights + biases;
  }

  /** One Gated DeltaNet layer as Qwen3-Next builds it. */
  private static double linearAttention(LinearAttentionFacts la, double hidden) {
    double keyDim = (double) la.numKeyHeads() * la.keyHeadDim();
    double valueDim = (double) la.numValueHeads() * la.valueHeadDim();
    double inProjQkvz = hidden * (2 * keyDim + 2 * valueDim);
    double inProjBa = hidden * 2 * la.numValueHeads();
    double conv = la.convChannels() * (double) la.convKernel();
    double decay = 2.0 * la.numValueHeads(); // dt_bias and A_log
    double norm = la.valueHeadDim();
    double out = valueDim * hidden;
    return inProjQkvz + inProjBa + conv + decay + norm + out;
  }

  /** One Mamba layer as Jamba builds it. */
  private static double mamba(MambaFacts m, double hidden) {
    double inner = m.innerSize();
    double inProj = hidden * 2 * inner + (m.projBias() ? 2 * inner : 0);
    double conv = inner * m.convKernel() + (m.convBias() ? inner : 0);
    double xProj = inner * (m.dtRank() + 2.0 * m.stateSize());
    double dtProj = (double) m.dtRank() * inner + inner;
    double state = inner * m.stateSize() + inner; // A_log and D
    double innerNorms = m.dtRank() + 2.0 * m.stateSize(); // Jamba's dt, B and C layernorms
    double outProj = inner * hidden + (m.projBias() ? hidden : 0);
    return inProj + conv + xProj + dtProj + state + innerNorms + outProj;
  }

  private static String label(ParameterSource source) {
    return switch (source) {
      case SAFETENSORS_METADATA -> "the Hub's safetensors metadata";
      case SUPPLIED -> "the caller";
      case PUBLISHED -> "the model card";
      case COMPUTED -> "config.json";
    };
  }
}
