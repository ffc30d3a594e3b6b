package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.Patterns;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema patterns accept what the ecosystem really emits and reject what is malformed. Java's
 * regex engine agrees with Go's RE2 on these patterns (no look-around, no back-references).
 */
class PatternsTest {

  @Test
  void quantizationAcceptsTheNamesTheEcosystemEmits() {
    List<String> names =
        List.of(
            // GGUF (llama.cpp), including lower case and Unsloth's dynamic quants
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
            "Q4_0_4_4",
            "q4_k_m",
            "UD-Q4_K_XL",
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
            "TQ1_0",
            "TQ2_0",
            "F16",
            "BF16",
            "F32",
            // GPU formats
            "AWQ",
            "awq_marlin",
            "GPTQ",
            "GPTQ-Int4",
            "GPTQ-Int8",
            "gptq-4bit",
            "gptq_marlin",
            "FP8",
            "fp8_e4m3",
            "FP8-Dynamic",
            "fp16",
            "bfloat16",
            "INT8",
            "INT4",
            "W8A8",
            "W4A16",
            // bitsandbytes and MLX
            "bnb-4bit",
            "bnb-8bit",
            "bitsandbytes",
            "nf4",
            "mlx-q4",
            "mlx-q8",
            "mlx-4bit",
            "4bit",
            "8bit",
            "q4",
            "q8");
    names.forEach(n -> assertThat(n).as(n).matches(Pattern.compile(Patterns.QUANTIZATION)));
  }

  @Test
  void quantizationRejectsMalformedNames() {
    List<String> names =
        List.of("Q4_K_Z", "Q9_0", "int3", "4 bit", "Q4 K M", "q4_k_m!", "IQ5_XS", "AWQ-GPTQ", "");
    names.forEach(n -> assertThat(n).as(n).doesNotMatch(Pattern.compile(Patterns.QUANTIZATION)));
  }

  @Test
  void huggingFaceRepoIdsFollowTheHubsRules() {
    Pattern repo = Pattern.compile(Patterns.HF_REPO_ID);
    List.of(
            "meta-llama/Llama-3.1-8B-Instruct",
            "Qwen/Qwen2.5-7B-Instruct",
            "Qwen/Qwen2.5-32B-Instruct-AWQ",
            "mistralai/Mistral-7B-Instruct-v0.3",
            "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
            "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
            "mlx-community/Llama-3.2-3B-Instruct-4bit",
            "01-ai/Yi-1.5-9B-Chat",
            "HuggingFaceH4/ultrachat_200k")
        .forEach(id -> assertThat(id).as(id).matches(repo));
    List.of(
            "Llama-3.1-8B-Instruct",
            "meta-llama/Llama--3.1",
            "meta-llama/Llama..3",
            "meta-llama/Llama-3.1-",
            "Qwen/Qwen2.5.",
            "-org/model",
            "org/.hidden",
            "org/model/extra",
            "org name/model")
        .forEach(id -> assertThat(id).as(id).doesNotMatch(repo));
  }

  @Test
  void ollamaTagsImagesAndPaths() {
    Pattern ollama = Pattern.compile(Patterns.OLLAMA_TAG);
    List.of("llama3.1:8b", "llama3.1", "qwen2.5:7b-instruct-q4_K_M", "library/llama3.2:3b")
        .forEach(t -> assertThat(t).as(t).matches(ollama));
    assertThat("hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M").matches(ollama);
    List.of("llama3.1 8b", ":8b", "llama3.1:", "a/b/c/d:1")
        .forEach(t -> assertThat(t).as(t).doesNotMatch(ollama));

    Pattern image = Pattern.compile(Patterns.IMAGE);
    List.of(
            "vllm/vllm-openai:v0.8.5",
            "lmsysorg/sglang:v0.4.6.post1-cu124",
            "ollama/ollama:0.6.8",
            "registry.example.com:5000/ml/trainer:2025.05",
            "ghcr.io/acme/eval@sha256:" + "a".repeat(64))
        .forEach(i -> assertThat(i).as(i).matches(image));
    List.of("VLLM/vllm", "vllm openai", "vllm/vllm-openai:", "-vllm")
        .forEach(i -> assertThat(i).as(i).doesNotMatch(image));

    Pattern path = Pattern.compile(Patterns.VOLUME_PATH);
    List.of("train.jsonl", "support/train.jsonl", "adapters/support-tone/", "a_b/c-d.e")
        .forEach(p -> assertThat(p).as(p).matches(path));
    List.of("/etc/passwd", "../etc", "a/../b", "a/.hidden", "a//b", "")
        .forEach(p -> assertThat(p).as(p).doesNotMatch(path));
  }
}
