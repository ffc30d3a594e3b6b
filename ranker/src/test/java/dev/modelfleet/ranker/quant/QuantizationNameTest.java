package dev.modelfleet.ranker.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantizationNameTest {

  @ParameterizedTest
  @CsvSource({
    "Q4_K_M, q4km",
    "q4-k-m, q4km",
    "GGUF Q4_K_M, q4km",
    "gguf:q4_k_m, q4km",
    "Q4_K_M.gguf, q4km",
    "Q4_K_M-GGUF, q4km",
    "'  AWQ-INT4 ', awqint4",
    "LLM.int8, llmint8",
    "GGUF, gguf",
    "-GGUF, gguf",
  })
  void keysIgnoreCaseSeparatorsAndTheGgufContainer(String name, String key) {
    assertThat(QuantizationName.key(name)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({
    "Qwen/Qwen2.5-7B-Instruct-AWQ, AWQ-INT4-G128",
    "hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4, AWQ-INT4-G128",
    "TheBloke/Llama-2-7B-Chat-GPTQ, GPTQ-INT4-G128",
    "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4, GPTQ-INT4-G128",
    "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8, GPTQ-INT8-G128",
    "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8, FP8-E4M3-CHANNEL",
    "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8-dynamic, FP8-E4M3-CHANNEL",
    "nvidia/Llama-3.1-8B-Instruct-FP8, FP8-E4M3-CHANNEL",
    "nvidia/Llama-3.3-70B-Instruct-FP4, NVFP4",
    "RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w8a8, INT8-W8A8",
    "RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w4a16, INT4-W4A16-G128",
    "unsloth/Llama-3.2-1B-Instruct-bnb-4bit, BNB-NF4",
    "unsloth/Meta-Llama-3.1-8B-Instruct-unsloth-bnb-4bit, BNB-NF4",
    "mlx-community/Llama-3.2-3B-Instruct-4bit, MLX-Q4-G64",
    "mlx-community/Mistral-7B-Instruct-v0.3-8bit, MLX-Q8-G64",
    "mlx-community/Llama-3.2-3B-Instruct-bf16, BF16",
    "mlx-community/Qwen2.5-7B-Instruct-3bit, MLX-3BIT",
    "ggml-org/Qwen2.5-0.5B-Instruct-Q8_0-GGUF, Q8_0",
    "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M, Q4_K_M",
    "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:iq2_xxs, IQ2_XXS",
    "qwen2.5:7b-instruct-q4_K_M, Q4_K_M",
    "llama3.1:8b-instruct-fp16, FP16",
    "google/gemma-3-4b-it-qat-q4_0-gguf, Q4_0",
  })
  void repoIdsGiveTheirQuantization(String repoId, String canonical) {
    assertThat(QuantizationTable.fromRepoId(repoId)).contains(canonical);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "bartowski/Llama-3.2-1B-Instruct-GGUF",
        "Qwen/Qwen2.5-7B-Instruct-GGUF",
        "meta-llama/Llama-3.1-8B-Instruct",
        "Qwen/Qwen3-8B",
        "deepseek-ai/DeepSeek-V3",
        "qwen2.5:7b",
      })
  void repoIdsWithoutAQuantizationGiveNone(String repoId) {
    assertThat(QuantizationTable.fromRepoId(repoId)).isEmpty();
  }

  @Test
  void everyNameRepoInferenceCanGiveIsInTheBundledTable() {
    String[] produced = {
      "AWQ-INT4-G128",
      "GPTQ-INT4-G128",
      "GPTQ-INT4-G32",
      "GPTQ-INT8-G128",
      "MXFP4",
      "NVFP4",
      "FP8-E4M3-CHANNEL",
      "FP8-E4M3-BLOCK128",
      "BNB-INT8",
      "BNB-NF4",
      "INT8-W8A8",
      "INT4-W4A16-G128",
      "MLX-Q4-G64",
      "MLX-Q8-G64",
      "BF16",
      "FP16",
      "FP32",
    };
    for (String name : produced) {
      QuantizationTable.Resolved resolved = QuantizationTable.bundled().resolve(name);
      assertThat(resolved.known()).as(name).isTrue();
      assertThat(resolved.canonical()).as(name).isEqualTo(name);
    }
  }

  @Test
  void anUnknownQuantizationInARepoIdStillResolvesConservatively() {
    QuantizationTable.Resolved resolved =
        QuantizationTable.bundled().resolve("mlx-community/Qwen2.5-7B-Instruct-3bit");

    assertThat(resolved.known()).isFalse();
    assertThat(resolved.bitsPerWeight()).isEqualTo(16.0);
  }
}
