package dev.modelfleet.ranker.model;

/**
 * Gated DeltaNet linear attention as Qwen3-Next uses it ({@code linear_*} fields).
 *
 * @param numKeyHeads {@code linear_num_key_heads}
 * @param numValueHeads {@code linear_num_value_heads}
 * @param keyHeadDim {@code linear_key_head_dim}
 * @param valueHeadDim {@code linear_value_head_dim}
 * @param convKernel {@code linear_conv_kernel_dim}
 */
public record LinearAttentionFacts(
    int numKeyHeads, int numValueHeads, int keyHeadDim, int valueHeadDim, int convKernel) {

  /** Channels of the short convolution over q, k and v. */
  public long convChannels() {
    return 2L * numKeyHeads * keyHeadDim + (long) numValueHeads * valueHeadDim;
  }

  /**
   * Elements one layer keeps per sequence, whatever its length: the recurrent state (value heads x
   * key dim x value dim) and the convolution's last {@code convKernel - 1} inputs, as vLLM sizes
   * it.
   */
  public long stateElementsPerSequence() {
    return (long) numValueHeads * keyHeadDim * valueHeadDim + convChannels() * (convKernel - 1);
  }
}
