package dev.modelfleet.ranker.model;

/**
 * How many cache elements a model keeps for one sequence, by layer kind. Multiply by the KV dtype's
 * bytes and by the number of concurrent sequences to get memory.
 *
 * <ul>
 *   <li>A full-attention layer keeps {@code 2 x numKeyValueHeads x headDim} elements (a key and a
 *       value per KV head) for every token of the context.
 *   <li>A sliding-attention layer keeps the same per token, but for at most {@code slidingWindow}
 *       tokens.
 *   <li>With MLA every attention layer keeps {@code kvLoraRank + qkRopeHeadDim} elements per token:
 *       the compressed latent and the shared RoPE key, as vLLM and SGLang cache it.
 *   <li>Linear-attention and Mamba layers keep a fixed state per sequence, whatever its length.
 * </ul>
 *
 * @param fullAttentionLayers layers attending to the whole context
 * @param slidingAttentionLayers layers attending to the last {@code slidingWindow} tokens
 * @param slidingWindow the window; 0 when no layer slides
 * @param elementsPerTokenPerLayer cache elements one attention layer keeps per token
 * @param stateLayers linear-attention and Mamba layers
 * @param stateElementsPerSequence fixed state of all those layers together, per sequence
 * @param mla whether the per-token elements are an MLA latent
 */
public record KvCacheShape(
    int fullAttentionLayers,
    int slidingAttentionLayers,
    int slidingWindow,
    long elementsPerTokenPerLayer,
    int stateLayers,
    long stateElementsPerSequence,
    boolean mla) {

  /** The cache shape of a model. */
  public static KvCacheShape of(ModelFacts facts) {
    AttentionLayout layout = facts.attention();
    long perLayer =
        facts.hasMla()
            ? facts.mla().cachedElementsPerToken()
            : 2L * facts.numKeyValueHeads() * facts.headDim();
    int linear = layout.count(LayerKind.LINEAR_ATTENTION);
    int mamba = layout.count(LayerKind.MAMBA);
    long state = 0;
    if (linear > 0 && facts.linearAttention() != null) {
      state += linear * facts.linearAttention().stateElementsPerSequence();
    }
    if (mamba > 0 && facts.mamba() != null) {
      state += mamba * facts.mamba().stateElementsPerSequence();
    }
    return new KvCacheShape(
        layout.count(LayerKind.FULL_ATTENTION),
        layout.count(LayerKind.SLIDING_ATTENTION),
        layout.slidingWindow(),
        perLayer,
        linear + mamba,
        state,
        facts.hasMla());
  }

  /**
   * Elements each new token adds while the context is shorter than the window (all layers grow).
   */
  public long elementsPerToken() {
    return (long) (fullAttentionLayers + slidingAttentionLayers) * elementsPerTokenPerLayer;
  }

  /** Elements each new token adds once the context is past the window (full layers only). */
  public long elementsPerTokenBeyondWindow() {
    return (long) fullAttentionLayers * elementsPerTokenPerLayer;
  }

  /**
   * Key-value elements for one sequence of {@code contextTokens} tokens: full layers for every
   * token, sliding layers for at most the window. Excludes the fixed recurrent state.
   */
  public long kvElements(long contextTokens) {
    if (contextTokens < 0) {
      throw new IllegalArgumentException("context must not be negative, was " + contextTokens);
    }
    long slidingTokens = Math.min(contextTokens, slidingWindow);
    return fullAttentionLayers * elementsPerTokenPerLayer * contextTokens
        + slidingAttentionLayers * elementsPerTokenPerLayer * slidingTokens;
  }

  /** Key-value elements plus the fixed recurrent state, for one sequence. */
  public long totalElements(long contextTokens) {
    return kvElements(contextTokens) + stateElementsPerSequence;
  }

  /** What the same model would keep if every layer attended to the whole context. */
  public long fullAttentionEquivalent(long contextTokens) {
    if (contextTokens < 0) {
      throw new IllegalArgumentException("context must not be negative, was " + contextTokens);
    }
    return (long) (fullAttentionLayers + slidingAttentionLayers + stateLayers)
        * elementsPerTokenPerLayer
        * contextTokens;
  }
}
