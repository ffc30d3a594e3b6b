package dev.modelfleet.ranker.model;

import java.util.List;

/**
 * What ModelFleet knows about one model's architecture, read from its Hugging Face {@code
 * config.json} (see {@link ConfigJsonParser}). Sizes are those of the language model; a vision or
 * audio tower in the same repository is not described here.
 *
 * @param id Hugging Face repository id, e.g. "meta-llama/Llama-3.1-8B-Instruct"
 * @param family coarse model family for allow-lists and display, e.g. "llama", "qwen", "gemma"
 * @param architecture the transformers class, {@code architectures[0]}, e.g. "LlamaForCausalLM"
 * @param modelType the config's {@code model_type} of the language model, e.g. "llama"
 * @param hiddenSize width of the residual stream
 * @param numLayers decoder layers
 * @param numAttentionHeads query heads
 * @param numKeyValueHeads key-value heads (equal to query heads without grouped-query attention)
 * @param headDim width of one attention head
 * @param intermediateSize hidden width of a dense MLP
 * @param vocabSize rows of the embedding table
 * @param maxPositionEmbeddings the context length the config declares; 0 when it declares none
 * @param tieWordEmbeddings whether the output head shares the input embedding table
 * @param block per-layer details that decide the exact parameter count
 * @param moe mixture-of-experts facts; null for a dense model
 * @param attention what each layer is (full, sliding, linear attention, Mamba)
 * @param mla multi-head latent attention facts; null unless the model uses MLA
 * @param linearAttention linear-attention facts for {@link LayerKind#LINEAR_ATTENTION} layers, or
 *     null
 * @param mamba Mamba facts for {@link LayerKind#MAMBA} layers, or null
 * @param parameters parameter counts and where they came from; null until counted
 * @param notes defaults the parser assumed and anything else worth knowing about the facts
 */
public record ModelFacts(
    String id,
    String family,
    String architecture,
    String modelType,
    int hiddenSize,
    int numLayers,
    int numAttentionHeads,
    int numKeyValueHeads,
    int headDim,
    int intermediateSize,
    int vocabSize,
    int maxPositionEmbeddings,
    boolean tieWordEmbeddings,
    BlockDetails block,
    MoeFacts moe,
    AttentionLayout attention,
    MlaFacts mla,
    LinearAttentionFacts linearAttention,
    MambaFacts mamba,
    ParameterCount parameters,
    List<String> notes) {

  /** Copies the notes so the facts stay immutable. */
  public ModelFacts {
    notes = notes == null ? List.of() : List.copyOf(notes);
    block = block == null ? BlockDetails.llamaStyle() : block;
    attention = attention == null ? AttentionLayout.allFull(numLayers) : attention;
  }

  /** Whether the model routes tokens through experts. */
  public boolean hasMoe() {
    return moe != null && moe.numExperts() > 0;
  }

  /** Whether the model caches a compressed latent (MLA) instead of per-head keys and values. */
  public boolean hasMla() {
    return mla != null;
  }

  /** The same facts with other parameter counts. */
  public ModelFacts withParameters(ParameterCount counts) {
    return new ModelFacts(
        id,
        family,
        architecture,
        modelType,
        hiddenSize,
        numLayers,
        numAttentionHeads,
        numKeyValueHeads,
        headDim,
        intermediateSize,
        vocabSize,
        maxPositionEmbeddings,
        tieWordEmbeddings,
        block,
        moe,
        attention,
        mla,
        linearAttention,
        mamba,
        counts,
        notes);
  }

  /** The same facts under another repository id, e.g. a mirror's. */
  public ModelFacts withId(String otherId) {
    return new ModelFacts(
        otherId,
        family,
        architecture,
        modelType,
        hiddenSize,
        numLayers,
        numAttentionHeads,
        numKeyValueHeads,
        headDim,
        intermediateSize,
        vocabSize,
        maxPositionEmbeddings,
        tieWordEmbeddings,
        block,
        moe,
        attention,
        mla,
        linearAttention,
        mamba,
        parameters,
        notes);
  }
}
