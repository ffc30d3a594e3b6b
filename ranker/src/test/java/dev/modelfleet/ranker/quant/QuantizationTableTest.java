package dev.modelfleet.ranker.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantizationTableTest {
  private static final QuantizationTable TABLE = QuantizationTable.bundled();

  @Test
  void bundledTableLoadsEveryEntryWithoutWarnings() {
    assertThat(TABLE.warnings()).isEmpty();
    assertThat(TABLE.all()).hasSizeGreaterThanOrEqualTo(45);
    assertThat(QuantizationTable.bundled()).isSameAs(TABLE);
  }

  @Test
  void everyEntryHasASourceALayoutAndBitsBetweenOneAndThirtyTwo() {
    assertThat(TABLE.all())
        .allSatisfy(
            q -> {
              assertThat(q.source()).as(q.canonical()).startsWith("https://");
              assertThat(q.bitsPerWeight()).as(q.canonical()).isBetween(1.0, 32.0);
              assertThat(q.family())
                  .as(q.canonical())
                  .isIn("gguf", "awq", "gptq", "fp8", "int8", "int4", "bnb", "mlx", "fp4", "float");
              assertThat(q.engines()).as(q.canonical()).isNotEmpty();
              assertThat(q.storageLayout()).as(q.canonical()).isPresent();
              assertThat(q.note()).as(q.canonical()).isNotBlank();
              assertThat(q.kvCacheDtype()).as(q.canonical()).isEqualTo("f16");
            });
  }

  @Test
  void coversWhatTheEcosystemPublishes() {
    assertThat(TABLE.all())
        .extracting(Quantization::canonical)
        .contains(
            "Q2_K",
            "Q3_K_S",
            "Q3_K_M",
            "Q3_K_L",
            "Q4_0",
            "Q4_1",
            "Q4_K_S",
            "Q4_K_M",
            "Q5_0",
            "Q5_1",
            "Q5_K_S",
            "Q5_K_M",
            "Q6_K",
            "Q8_0",
            "IQ1_S",
            "IQ1_M",
            "IQ2_XXS",
            "IQ2_XS",
            "IQ2_S",
            "IQ2_M",
            "IQ3_XXS",
            "IQ3_XS",
            "IQ3_S",
            "IQ3_M",
            "IQ4_XS",
            "IQ4_NL",
            "AWQ-INT4-G128",
            "GPTQ-INT4-G128",
            "GPTQ-INT8-G128",
            "FP8-E4M3-TENSOR",
            "FP8-E4M3-CHANNEL",
            "INT8-W8A8",
            "INT4-W4A16-G128",
            "BNB-NF4",
            "BNB-NF4-DQ",
            "BNB-FP4",
            "BNB-FP4-DQ",
            "BNB-INT8",
            "MLX-Q4-G64",
            "MLX-Q8-G64",
            "FP16",
            "BF16",
            "FP32");
    // GGUF's F16, BF16 and F32 are the same bytes as the safetensors ones: one entry each.
    assertThat(TABLE.resolve("F16").canonical()).isEqualTo("FP16");
    assertThat(TABLE.resolve("GGUF BF16").canonical()).isEqualTo("BF16");
    assertThat(TABLE.resolve("F32").canonical()).isEqualTo("FP32");
  }

  @ParameterizedTest
  @CsvSource({
    "q4_k_m, Q4_K_M",
    "Q4_K_M, Q4_K_M",
    "q4km, Q4_K_M",
    "Q4-K-M, Q4_K_M",
    "GGUF Q4_K_M, Q4_K_M",
    "Q4_K_M.gguf, Q4_K_M",
    "Q4_K, Q4_K_M",
    "q8_0, Q8_0",
    "iq2_xxs, IQ2_XXS",
    "IQ4-NL, IQ4_NL",
    "Q3_K, Q3_K_M",
    "awq, AWQ-INT4-G128",
    "AWQ-INT4, AWQ-INT4-G128",
    "-AWQ, AWQ-INT4-G128",
    "gptq, GPTQ-INT4-G128",
    "gptq-int4, GPTQ-INT4-G128",
    "-GPTQ-Int4, GPTQ-INT4-G128",
    "GPTQ-Int8, GPTQ-INT8-G128",
    "fp8, FP8-E4M3-CHANNEL",
    "-FP8, FP8-E4M3-CHANNEL",
    "FP8-Dynamic, FP8-E4M3-CHANNEL",
    "fp8-per-tensor, FP8-E4M3-TENSOR",
    "w8a8, INT8-W8A8",
    "int8, INT8-W8A8",
    "int4, INT4-W4A16-G128",
    "W4A16, INT4-W4A16-G128",
    "bnb-4bit, BNB-NF4",
    "nf4, BNB-NF4",
    "4bit, BNB-NF4",
    "8bit, BNB-INT8",
    "LLM.int8, BNB-INT8",
    "mlx-q4, MLX-Q4-G64",
    "4bit-mlx, MLX-Q4-G64",
    "mlx-q8, MLX-Q8-G64",
    "mxfp4, MXFP4",
    "NVFP4, NVFP4",
    "fp16, FP16",
    "float16, FP16",
    "half, FP16",
    "bf16, BF16",
    "bfloat16, BF16",
    "fp32, FP32",
    "float32, FP32",
  })
  void aliasesAndVariantsResolveToTheirCanonicalName(String name, String canonical) {
    QuantizationTable.Resolved resolved = TABLE.resolve(name);

    assertThat(resolved.known()).as(name).isTrue();
    assertThat(resolved.canonical()).as(name).isEqualTo(canonical);
    assertThat(resolved.input()).isEqualTo(name);
    assertThat(resolved.note()).as(name).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"none", "None", "  ", "unquantized"})
  void noQuantizationMeansBf16WithANote(String name) {
    QuantizationTable.Resolved resolved = TABLE.resolve(name);

    assertThat(resolved.known()).isTrue();
    assertThat(resolved.canonical()).isEqualTo("BF16");
    assertThat(resolved.bitsPerWeight()).isEqualTo(16.0);
    assertThat(resolved.note()).get(STRING).contains("assumed unquantized BF16");
  }

  @ParameterizedTest
  @ValueSource(strings = {"exl2-4.0bpw", "Q4_K_XL", "hqq", "q4"})
  void unknownNameFallsBackToSixteenBitsAndSaysHowToFixIt(String name) {
    QuantizationTable.Resolved resolved = TABLE.resolve(name);

    assertThat(resolved.known()).isFalse();
    assertThat(resolved.bitsPerWeight())
        .isEqualTo(QuantizationTable.CONSERVATIVE_BITS_PER_WEIGHT)
        .isEqualTo(16.0);
    assertThat(resolved.canonical()).isEqualTo(QuantizationTable.UNKNOWN_CANONICAL);
    assertThat(resolved.input()).isEqualTo(name);
    assertThat(resolved.note())
        .get(STRING)
        .contains("'" + name + "'")
        .contains("16.0 bits per weight")
        .contains("docs/quantization.md");
    // The stand-in claims no engine and counts every weight, embeddings included, at 16 bits.
    assertThat(resolved.quantization().engines()).isEmpty();
    assertThat(resolved.quantization().weightBytes(1_000, 100)).isEqualTo(2_000.0);
  }

  @Test
  void ggufAloneIsAContainerNotAQuantization() {
    QuantizationTable.Resolved resolved = TABLE.resolve("-GGUF");

    assertThat(resolved.known()).isFalse();
    assertThat(resolved.bitsPerWeight()).isEqualTo(16.0);
    assertThat(resolved.note())
        .get(STRING)
        .contains("'-GGUF'")
        .contains("GGUF container")
        .contains("Q4_K_M");
  }

  @Test
  void aRepoIdResolvesThroughItsSuffix() {
    QuantizationTable.Resolved resolved = TABLE.resolve("Qwen/Qwen2.5-7B-Instruct-AWQ");

    assertThat(resolved.known()).isTrue();
    assertThat(resolved.canonical()).isEqualTo("AWQ-INT4-G128");
    assertThat(resolved.note()).get(STRING).contains("Qwen/Qwen2.5-7B-Instruct-AWQ");
    assertThat(TABLE.resolve("meta-llama/Llama-3.1-8B-Instruct").known()).isFalse();
  }

  @Test
  void noAliasNamesTwoEntries() {
    Map<String, String> owner = new HashMap<>();
    for (Quantization q : TABLE.all()) {
      for (String name : concat(q.canonical(), q.aliases())) {
        String previous = owner.putIfAbsent(QuantizationName.key(name), q.canonical());
        assertThat(previous == null || previous.equals(q.canonical()))
            .as("'%s' claimed by %s and %s", name, previous, q.canonical())
            .isTrue();
        assertThat(TABLE.resolve(name).canonical()).as(name).isEqualTo(q.canonical());
      }
    }
  }

  @Test
  void aDuplicateAliasIsReportedAndTheFirstClaimKept() {
    QuantizationTable table =
        QuantizationTable.fromJson(
            json(
                """
                {"schemaVersion": 1, "quantizations": [
                  %s,
                  %s
                ]}
                """
                    .formatted(
                        entry("A-ONE", "awq", 4.0, "[\"same\"]"),
                        entry("B-TWO", "awq", 4.0, "[\"Same\"]"))));

    assertThat(table.all()).hasSize(2);
    assertThat(table.warnings()).singleElement().asString().contains("'Same' names both");
    assertThat(table.resolve("same").canonical()).isEqualTo("A-ONE");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all",
        "[1, 2, 3]",
        "{\"schemaVersion\": 2, \"quantizations\": []}",
        "{\"quantizations\": []}",
        "{\"schemaVersion\": 1}",
        "{\"schemaVersion\": 1, \"quantizations\": {}}",
        "{\"schemaVersion\": 1, \"quantizations\": [",
      })
  void malformedJsonGivesAnEmptyTableWithAWarningAndStillAnswersConservatively(String text) {
    QuantizationTable table = QuantizationTable.fromJson(json(text));

    assertThat(table.all()).isEmpty();
    assertThat(table.warnings()).singleElement().asString().startsWith("quantization table");
    for (String name : new String[] {"Q4_K_M", "awq", "", "none"}) {
      QuantizationTable.Resolved resolved = table.resolve(name);
      assertThat(resolved.known()).as(name).isFalse();
      assertThat(resolved.bitsPerWeight()).as(name).isEqualTo(16.0);
      assertThat(resolved.note()).as(name).isPresent();
    }
    assertThat(table.resolve("Q4_K_M").note()).get(STRING).contains("did not load");
  }

  @Test
  void missingInputGivesAnEmptyTableWithAWarning() {
    QuantizationTable table = QuantizationTable.fromJson(null);

    assertThat(table.all()).isEmpty();
    assertThat(table.warnings()).containsExactly("quantization table input is missing");
    assertThat(table.resolve("Q8_0").bitsPerWeight()).isEqualTo(16.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"canonical\": \"X\", \"family\": \"gguf\", \"bitsPerWeight\": 4.5, \"engines\":"
            + " [\"ollama\"], \"source\": \"http://example.org\"} | https:// URL",
        "{\"canonical\": \"X\", \"family\": \"gguf\", \"bitsPerWeight\": 40, \"engines\":"
            + " [\"ollama\"], \"source\": \"https://example.org\"} | within 1.0..32.0",
        "{\"canonical\": \"X\", \"family\": \"gguf\", \"bitsPerWeight\": 0.5, \"engines\":"
            + " [\"ollama\"], \"source\": \"https://example.org\"} | within 1.0..32.0",
        "{\"canonical\": \"X\", \"family\": \"exl2\", \"bitsPerWeight\": 4, \"engines\":"
            + " [\"ollama\"], \"source\": \"https://example.org\"} | family must be one of",
        "{\"canonical\": \"X\", \"family\": \"awq\", \"bitsPerWeight\": 4, \"engines\":"
            + " [\"tgi\"], \"source\": \"https://example.org\"} | engines must be some of",
        "{\"canonical\": \"X\", \"family\": \"awq\", \"bitsPerWeight\": 4.25, \"engines\":"
            + " [\"vllm\"], \"source\": \"https://example.org\", \"layout\": {\"weightBits\": 4,"
            + " \"groupSize\": 128, \"scaleBits\": 16, \"zeroPointBits\": 4}} | does not match its"
            + " layout",
        "{\"canonical\": \"X\", \"family\": \"gguf\", \"bitsPerWeight\": 4.0, \"engines\":"
            + " [\"ollama\"], \"source\": \"https://example.org\", \"layout\": {\"ggmlType\":"
            + " \"Q4_K\", \"blockSize\": 256, \"bytesPerBlock\": 144}} | below its default tensor"
            + " type",
        "{\"canonical\": \"X\", \"family\": \"awq\", \"bitsPerWeight\": \"4\", \"engines\":"
            + " [\"vllm\"], \"source\": \"https://example.org\"} | must be a number",
        "{\"family\": \"awq\", \"bitsPerWeight\": 4, \"engines\": [\"vllm\"], \"source\":"
            + " \"https://example.org\"} | no canonical name",
        "{\"canonical\": \"X\", \"family\": \"awq\", \"bitsPerWeight\": 4, \"engines\":"
            + " [\"vllm\"], \"source\": \"https://example.org\", \"kvCacheDtype\": \"int2\"} |"
            + " kvCacheDtype must be one of",
      })
  void anInvalidEntryIsSkippedWithAWarningAndTheRestLoads(String bad, String problem) {
    QuantizationTable table =
        QuantizationTable.fromJson(
            json(
                "{\"schemaVersion\": 1, \"quantizations\": [%s, %s]}"
                    .formatted(bad, entry("GOOD", "awq", 4.0, "[\"fine\"]"))));

    assertThat(table.all()).extracting(Quantization::canonical).containsExactly("GOOD");
    assertThat(table.warnings()).singleElement().asString().contains("skipped", problem);
    assertThat(table.resolve("fine").known()).isTrue();
  }

  @Test
  void absentOptionalFieldsTakeTheirDocumentedDefaults() {
    QuantizationTable table =
        QuantizationTable.fromJson(
            json(
                "{\"schemaVersion\": 1, \"quantizations\": [%s]}"
                    .formatted(entry("PLAIN", "int4", 4.0, "[]"))));

    Quantization plain = table.all().get(0);
    assertThat(plain.kvCacheDtype()).isEqualTo("f16");
    assertThat(plain.quantizesEmbeddings()).isFalse();
    assertThat(plain.storageLayout()).isEmpty();
    assertThat(plain.aliases()).isEmpty();
  }

  @Test
  void weightBytesCountUnquantizedEmbeddingsAtSixteenBits() {
    Quantization awq = TABLE.resolve("awq").quantization();
    Quantization q4km = TABLE.resolve("Q4_K_M").quantization();
    long parameters = 8_030_261_248L;
    long embeddings = 2L * 128_256 * 4_096;

    assertThat(awq.quantizesEmbeddings()).isFalse();
    assertThat(awq.weightBytes(parameters, embeddings))
        .isCloseTo((parameters - embeddings) * 4.15625 / 8 + embeddings * 2.0, within(1.0));
    // A GGUF figure is a whole-file average: embeddings are already in it.
    assertThat(q4km.quantizesEmbeddings()).isTrue();
    assertThat(q4km.weightBytes(parameters, embeddings))
        .isCloseTo(parameters * 4.8944 / 8, within(1.0));
    // llama.cpp's README: Llama-3.1-8B Q4_K_M is 4.58 GiB.
    assertThat(q4km.weightBytes(parameters, embeddings) / (1L << 30)).isCloseTo(4.58, within(0.01));
  }

  @Test
  void weightBytesRejectsImpossibleCounts() {
    Quantization bf16 = TABLE.resolve("bf16").quantization();

    assertThatIllegalArgumentException().isThrownBy(() -> bf16.weightBytes(10, 11));
    assertThatIllegalArgumentException().isThrownBy(() -> bf16.weightBytes(-1, 0));
  }

  @Test
  void enginesSayWhoLoadsWhat() {
    assertThat(TABLE.resolve("Q4_K_M").quantization().engines())
        .containsExactly("llama.cpp", "ollama");
    assertThat(TABLE.resolve("Q4_K_M").quantization().runsOn("Ollama")).isTrue();
    assertThat(TABLE.resolve("awq").quantization().runsOn("vllm")).isTrue();
    assertThat(TABLE.resolve("awq").quantization().runsOn("llama.cpp")).isFalse();
    assertThat(TABLE.resolve("bf16").quantization().engines())
        .containsExactly("vllm", "sglang", "llama.cpp", "ollama");
    assertThat(TABLE.resolve("mlx-q4").quantization().engines()).containsExactly("mlx-lm");
  }

  @Test
  void theShortConstructorCountsEveryWeightAtItsBits() {
    Quantization custom =
        new Quantization("MINE", "int4", 4.0, Set.of("vllm"), "https://example.org");

    assertThat(custom.quantizesEmbeddings()).isTrue();
    assertThat(custom.kvCacheDtype()).isEqualTo("f16");
    assertThat(custom.weightBytes(1_000, 500)).isEqualTo(500.0);
  }

  private static List<String> concat(String first, List<String> rest) {
    return Stream.concat(Stream.of(first), rest.stream()).toList();
  }

  static String entry(String canonical, String family, double bits, String aliases) {
    return """
        {"canonical": "%s", "family": "%s", "bitsPerWeight": %s, "engines": ["vllm"],
         "source": "https://example.org/%s", "aliases": %s}
        """
        .formatted(canonical, family, bits, canonical, aliases);
  }

  static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
