package dev.modelfleet.ranker.model;

/**
 * A Mamba (selective state-space) mixer as Jamba uses it ({@code mamba_*} fields).
 *
 * @param innerSize expanded width, {@code mamba_expand x hidden_size}
 * @param stateSize {@code mamba_d_state}
 * @param convKernel {@code mamba_d_conv}
 * @param dtRank {@code mamba_dt_rank} (Mamba's "auto" is ceil(hidden_size / 16))
 * @param convBias {@code mamba_conv_bias}
 * @param projBias {@code mamba_proj_bias}
 */
public record MambaFacts(
    int innerSize, int stateSize, int convKernel, int dtRank, boolean convBias, boolean projBias) {

  /**
   * Elements one layer keeps per sequence: the SSM state (inner x state) and the convolution's last
   * {@code convKernel - 1} inputs, as vLLM sizes it.
   */
  public long stateElementsPerSequence() {
    return (long) innerSize * stateSize + (long) innerSize * (convKernel - 1);
  }
}
