package dev.modelfleet.ranker.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the table's numbers against the layouts and sizes they were derived from. */
class BitsPerWeightDerivationTest {
  private static final QuantizationTable TABLE = QuantizationTable.bundled();

  // An independent copy of gguf-py GGML_QUANT_SIZES (block size, bytes per block), written the way
  // constants.py writes it:
  // https://github.com/ggml-org/llama.cpp/blob/master/gguf-py/gguf/constants.py
  private static final int QK_K = 256;
  private static final Map<String, int[]> GGML_QUANT_SIZES =
      Map.ofEntries(
          Map.entry("Q4_0", new int[] {32, 2 + 16}),
          Map.entry("Q4_1", new int[] {32, 2 + 2 + 16}),
          Map.entry("Q5_0", new int[] {32, 2 + 4 + 16}),
          Map.entry("Q5_1", new int[] {32, 2 + 2 + 4 + 16}),
          Map.entry("Q8_0", new int[] {32, 2 + 32}),
          Map.entry("Q2_K", new int[] {256, 2 + 2 + QK_K / 16 + QK_K / 4}),
          Map.entry("Q3_K", new int[] {256, 2 + QK_K / 4 + QK_K / 8 + 12}),
          Map.entry("Q4_K", new int[] {256, 2 + 2 + QK_K / 2 + 12}),
          Map.entry("Q5_K", new int[] {256, 2 + 2 + QK_K / 2 + QK_K / 8 + 12}),
          Map.entry("Q6_K", new int[] {256, 2 + QK_K / 2 + QK_K / 4 + QK_K / 16}),
          Map.entry("IQ2_XXS", new int[] {256, 2 + QK_K / 4}),
          Map.entry("IQ2_XS", new int[] {256, 2 + QK_K / 4 + QK_K / 32}),
          Map.entry("IQ3_XXS", new int[] {256, 2 + QK_K / 4 + QK_K / 8}),
          Map.entry("IQ1_S", new int[] {256, 2 + QK_K / 8 + QK_K / 16}),
          Map.entry("IQ4_NL", new int[] {32, 2 + 16}),
          Map.entry("IQ3_S", new int[] {256, 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4}),
          Map.entry("IQ2_S", new int[] {256, 2 + QK_K / 4 + QK_K / 16}),
          Map.entry("IQ4_XS", new int[] {256, 2 + 2 + QK_K / 2 + QK_K / 64}),
          Map.entry("IQ1_M", new int[] {256, QK_K / 8 + QK_K / 16 + QK_K / 32}));

  // Llama-3-8B: 32 layers of (q, o: 4096x4096; k, v: 4096x1024; gate, up, down: 4096x14336; two
  // norms), token embedding and untied head of 128256x4096, and the final norm.
  private static final long LLAMA_3_8B_PARAMETERS =
      32L * (2L * 4096 * 4096 + 2L * 4096 * 1024 + 3L * 4096 * 14336 + 2 * 4096)
          + 2L * 128_256 * 4096
          + 4096;

  @Test
  void everyGgufEntryCarriesGgmlsBlockLayoutAndAveragesAtLeastIt() {
    assertThat(TABLE.all().stream().filter(q -> q.family().equals("gguf")))
        .hasSizeGreaterThanOrEqualTo(26)
        .allSatisfy(
            q -> {
              StorageLayout.GgmlBlock block = (StorageLayout.GgmlBlock) q.layout();
              int[] expected = GGML_QUANT_SIZES.get(block.type());
              assertThat(expected).as(q.canonical() + " -> " + block.type()).isNotNull();
              assertThat(new int[] {block.blockSize(), block.bytesPerBlock()})
                  .as(q.canonical())
                  .containsExactly(expected);
              assertThat(q.bitsPerWeight())
                  .as(q.canonical())
                  .isGreaterThanOrEqualTo(block.bitsPerWeight());
            });
  }

  @ParameterizedTest
  @CsvSource({
    "Q4_0, 4.5",
    "Q4_1, 5.0",
    "Q5_0, 5.5",
    "Q5_1, 6.0",
    "Q8_0, 8.5",
    "Q2_K, 2.625",
    "Q3_K, 3.4375",
    "Q4_K, 4.5",
    "Q5_K, 5.5",
    "Q6_K, 6.5625",
    "IQ1_S, 1.5625",
    "IQ1_M, 1.75",
    "IQ2_XXS, 2.0625",
    "IQ2_XS, 2.3125",
    "IQ2_S, 2.5625",
    "IQ3_XXS, 3.0625",
    "IQ3_S, 3.4375",
    "IQ4_NL, 4.5",
    "IQ4_XS, 4.25",
  })
  void blockBitsAreBytesTimesEightOverBlockSize(String type, double bits) {
    int[] size = GGML_QUANT_SIZES.get(type);

    assertThat(new StorageLayout.GgmlBlock(type, size[0], size[1]).bitsPerWeight()).isEqualTo(bits);
  }

  @ParameterizedTest
  @CsvSource({"Q8_0, Q8_0", "Q6_K, Q6_K"})
  void singleTypeFilesMatchTheirBlockDerivation(String fileType, String blockType) {
    int[] size = GGML_QUANT_SIZES.get(blockType);
    double derived = size[1] * 8.0 / size[0];

    // Only F32 norm vectors separate the file average from the block type.
    assertThat(TABLE.resolve(fileType).bitsPerWeight()).isCloseTo(derived, within(0.01));
  }

  @ParameterizedTest
  @CsvSource({"Q4_0, 4.34", "Q4_1, 4.78", "Q5_0, 5.21", "Q5_1, 5.65", "Q3_K_M, 3.74"})
  void filesWithoutAMeasuredRowComeFromQuantizeCppSizes(String fileType, double gib) {
    assertThat(LLAMA_3_8B_PARAMETERS).isEqualTo(8_030_261_248L);

    double bits = gib * (1L << 30) * 8 / LLAMA_3_8B_PARAMETERS;

    assertThat(TABLE.resolve(fileType).bitsPerWeight()).isCloseTo(bits, within(0.0001));
  }

  @ParameterizedTest
  @CsvSource({
    // 4-bit weights, fp16 scale and packed 4-bit zero point per group of 128.
    "AWQ-INT4-G128, 4.15625",
    "GPTQ-INT4-G128, 4.15625",
    "GPTQ-INT4-G32, 4.625",
    "GPTQ-INT8-G128, 8.1875",
    "INT4-W4A16-G128, 4.125",
    "FP8-E4M3-TENSOR, 8.0",
    "FP8-E4M3-CHANNEL, 8.0078125",
    "FP8-E4M3-BLOCK128, 8.001953125",
    "INT8-W8A8, 8.0078125",
    // QLoRA: 32/64 = 0.5 bits of absmax per weight, 0.127 with double quantization.
    "BNB-NF4, 4.5",
    "BNB-NF4-DQ, 4.126953125",
    "BNB-INT8, 8.0078125",
    "MLX-Q4-G64, 4.5",
    "MLX-Q8-G64, 8.5",
    "MXFP4, 4.25",
    "NVFP4, 4.5",
    "FP16, 16",
    "BF16, 16",
    "FP32, 32",
  })
  void groupScaledFormatsFollowFromTheirLayout(String canonical, double bits) {
    Quantization q = TABLE.resolve(canonical).quantization();

    assertThat(q.canonical()).isEqualTo(canonical);
    assertThat(q.bitsPerWeight()).isEqualTo(bits);
    assertThat(q.layout().bitsPerWeight()).isEqualTo(bits);
  }

  @Test
  void qloraDoubleQuantizationSavesWhatThePaperSays() {
    double single = TABLE.resolve("BNB-NF4").bitsPerWeight() - 4;
    double dq = TABLE.resolve("BNB-NF4-DQ").bitsPerWeight() - 4;

    assertThat(single).isEqualTo(0.5);
    assertThat(dq).isCloseTo(0.127, within(0.001));
  }

  @Test
  void theBriefsRoughFiguresHold() {
    assertThat(TABLE.resolve("Q4_K_M").bitsPerWeight()).isCloseTo(4.85, within(0.05));
    assertThat(TABLE.resolve("Q8_0").bitsPerWeight()).isCloseTo(8.5, within(0.01));
    assertThat(TABLE.resolve("mlx-q4").bitsPerWeight()).isEqualTo(4.5);
  }
}
