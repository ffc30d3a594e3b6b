package dev.modelfleet.ranker.model;

/** What the token mixer of one decoder layer is, which decides what it keeps per sequence. */
public enum LayerKind {
  /** Attention over the whole context: keys and values for every token. */
  FULL_ATTENTION,
  /**
   * Attention over the last {@code slidingWindow} tokens: keys and values for at most that many.
   */
  SLIDING_ATTENTION,
  /** Linear attention (e.g. Gated DeltaNet in Qwen3-Next): a fixed recurrent state, no KV cache. */
  LINEAR_ATTENTION,
  /** A Mamba state-space layer (e.g. Jamba): a fixed convolution and SSM state, no KV cache. */
  MAMBA;

  /** Whether the layer stores keys and values per token. */
  public boolean keepsKvCache() {
    return this == FULL_ATTENTION || this == SLIDING_ATTENTION;
  }
}
