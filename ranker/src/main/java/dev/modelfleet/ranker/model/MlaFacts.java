package dev.modelfleet.ranker.model;

/**
 * Multi-head latent attention (DeepSeek-V2/V3): keys and values are rebuilt from one compressed
 * latent per token, and only that latent plus the decoupled RoPE key is cached.
 *
 * @param qLoraRank rank of the query compression; 0 when queries are projected directly
 * @param kvLoraRank rank of the key-value latent ({@code kv_lora_rank})
 * @param qkNopeHeadDim per-head query/key width without rotary embedding
 * @param qkRopeHeadDim width of the rotary part, shared by all heads for keys
 * @param vHeadDim per-head value width
 */
public record MlaFacts(
    int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {

  /** Elements one layer caches per token: the latent and the shared RoPE key. */
  public int cachedElementsPerToken() {
    return kvLoraRank + qkRopeHeadDim;
  }
}
