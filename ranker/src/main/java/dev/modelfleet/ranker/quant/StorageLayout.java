package dev.modelfleet.ranker.quant;

/** How a format stores its weights; the bits per weight follow from it. */
public sealed interface StorageLayout permits StorageLayout.GgmlBlock, StorageLayout.GroupScaled {

  /** Storage bits per weight this layout implies, scales and zero points included. */
  double bitsPerWeight();

  /**
   * A GGML block type, as gguf-py's GGML_QUANT_SIZES gives it: {@code blockSize} weights in {@code
   * bytesPerBlock} bytes. A GGUF file type mixes in higher-precision tensors, so its file average
   * is at least this.
   *
   * @param type the GGML tensor type, e.g. "Q4_K"
   * @param blockSize weights per block
   * @param bytesPerBlock bytes per block, quantized values and block scales together
   */
  record GgmlBlock(String type, int blockSize, int bytesPerBlock) implements StorageLayout {
    @Override
    public double bitsPerWeight() {
      return bytesPerBlock * 8.0 / blockSize;
    }
  }

  /**
   * {@code weightBits} per weight plus a scale and an optional zero point shared by each group of
   * {@code groupSize} weights. A group size of 0 means one scale per tensor, which is negligible.
   *
   * @param weightBits bits of each stored weight
   * @param groupSize weights sharing one scale (and zero point); 0 for per-tensor scales
   * @param scaleBits bits of the scale each group stores
   * @param zeroPointBits bits of the zero point each group stores; 0 for symmetric formats
   */
  record GroupScaled(int weightBits, int groupSize, double scaleBits, int zeroPointBits)
      implements StorageLayout {
    @Override
    public double bitsPerWeight() {
      if (groupSize <= 0) {
        return weightBits;
      }
      return weightBits + (scaleBits + zeroPointBits) / groupSize;
    }
  }
}
