package dev.modelfleet.ranker.model;

/**
 * The small per-layer details that decide an exact parameter count. They come from the config where
 * it says ({@code attention_bias}, {@code mlp_bias}, {@code bias}) and otherwise from what the
 * architecture's reference implementation in transformers builds.
 *
 * @param gatedMlp whether the MLP has gate, up and down projections (SwiGLU/GeGLU) rather than up
 *     and down only
 * @param qkvBias whether the query, key and value projections carry biases
 * @param outputBias whether the attention output projection carries a bias
 * @param mlpBias whether the MLP projections carry biases
 * @param qkNorm whether queries and keys are normalised per head (Qwen3, Gemma 3)
 * @param attentionOutputGate whether the query projection also produces an output gate
 *     (Qwen3-Next), doubling its width
 * @param attentionSinks whether each head has a learned sink logit (gpt-oss)
 * @param normsPerLayer normalisation layers per decoder layer (2 for most, 4 for Gemma 2/3, 1 for
 *     parallel attention-and-MLP blocks)
 * @param layerNormBias whether norms are LayerNorm with a bias rather than RMSNorm
 */
public record BlockDetails(
    boolean gatedMlp,
    boolean qkvBias,
    boolean outputBias,
    boolean mlpBias,
    boolean qkNorm,
    boolean attentionOutputGate,
    boolean attentionSinks,
    int normsPerLayer,
    boolean layerNormBias) {

  /** A Llama-style block: SwiGLU MLP, no biases, two RMSNorms. */
  public static BlockDetails llamaStyle() {
    return new BlockDetails(true, false, false, false, false, false, false, 2, false);
  }
}
