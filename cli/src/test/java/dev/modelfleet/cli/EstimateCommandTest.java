package dev.modelfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest extends CliTestSupport {
  private static final double GIB = 1024.0 * 1024 * 1024;

  private static String config(String name) {
    return resourcePath("/configs/" + name + ".json");
  }

  private JsonNode json(String... args) throws Exception {
    return runJson(List.of("estimate"), args);
  }

  @Test
  void jsonHasExactlyTheFieldsOfTheContract() throws Exception {
    JsonNode json =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "Q4_K_M",
            "--context", "8192",
            "--gpu", "NVIDIA-H100-80GB-HBM3");

    assertThat(fieldNames(json))
        .containsExactly(
            "model",
            "quant",
            "vram",
            "fits",
            "decodeTokensPerSecond",
            "effectiveBandwidthGBps",
            "confidence",
            "explanation");
    assertThat(json.get("model").asText()).isEqualTo("Llama-3.1-8B-Instruct");

    JsonNode quant = json.get("quant");
    assertThat(fieldNames(quant)).containsExactly("canonical", "bitsPerWeight", "known");
    assertThat(quant.get("canonical").asText()).isEqualTo("Q4_K_M");
    assertThat(quant.get("bitsPerWeight").isNumber()).isTrue();
    assertThat(quant.get("bitsPerWeight").asDouble()).isEqualTo(4.8944);
    assertThat(quant.get("known").isBoolean()).isTrue();
    assertThat(quant.get("known").asBoolean()).isTrue();

    JsonNode vram = json.get("vram");
    assertThat(fieldNames(vram))
        .containsExactly(
            "weightsGiB", "kvCacheGiB", "activationsGiB", "overheadGiB", "totalGiB", "perGpuGiB");
    vram.forEach(value -> assertThat(value.isNumber()).isTrue());
    // llama.cpp (the engine for GGUF) keeps the 128,256 x 4,096 input embedding in host memory.
    assertThat(vram.get("weightsGiB").asDouble())
        .isCloseTo((8.03e9 - 128_256.0 * 4096) * 4.8944 / 8 / GIB, within(0.01));
    assertThat(vram.get("kvCacheGiB").asDouble()).isEqualTo(1.0);
    double sum =
        vram.get("weightsGiB").asDouble()
            + vram.get("kvCacheGiB").asDouble()
            + vram.get("activationsGiB").asDouble()
            + vram.get("overheadGiB").asDouble();
    assertThat(vram.get("totalGiB").asDouble()).isCloseTo(sum, within(0.005));
    assertThat(vram.get("perGpuGiB").asDouble()).isEqualTo(vram.get("totalGiB").asDouble());

    assertThat(json.get("fits").isBoolean()).isTrue();
    assertThat(json.get("fits").asBoolean()).isTrue();
    assertThat(json.get("decodeTokensPerSecond").isNumber()).isTrue();
    assertThat(json.get("decodeTokensPerSecond").asDouble()).isPositive();
    assertThat(json.get("effectiveBandwidthGBps").asDouble()).isBetween(0.0, 3350.0);
    assertThat(json.get("confidence").asText()).isEqualTo("high");
    JsonNode explanation = json.get("explanation");
    assertThat(explanation.isArray()).isTrue();
    explanation.forEach(line -> assertThat(line.isTextual()).isTrue());
    assertThat(explanation.get(0).asText())
        .startsWith("weights 4.3 GiB (8.03B params at Q4_K_M, 4.89 bits/weight; without the");
    assertThat(explanation.get(4).asText())
        .startsWith("fits: needs ")
        .endsWith("the GPU has 80 GiB");
  }

  @Test
  void gpuNamesMayBeMarketingNamesInAnyCase() throws Exception {
    for (String name : List.of("NVIDIA GeForce RTX 4090", "nvidia geforce rtx 4090", "RTX 4090")) {
      out.getBuffer().setLength(0);
      JsonNode json =
          json(
              "--config",
              config("Llama-3.1-8B-Instruct"),
              "--quant",
              "Q4_K_M",
              "--context",
              "4096",
              "--gpu",
              name);
      assertThat(json.get("explanation").toString()).as(name).contains("the GPU has 24 GiB");
    }
    out.getBuffer().setLength(0);
    JsonNode h100 =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "bf16",
            "--context", "4096",
            "--gpu", "H100 SXM");
    assertThat(h100.get("confidence").asText()).isEqualTo("high");
    out.getBuffer().setLength(0);
    JsonNode apple =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "Q4_K_M",
            "--context", "4096",
            "--gpu", "Apple M2 Max");
    assertThat(apple.get("explanation").toString())
        .contains("Apple M2 Max with 32 GB unified memory");
  }

  @Test
  void moeUsesTheGivenTotalForMemoryAndActiveParametersForSpeed() throws Exception {
    JsonNode moe =
        json(
            "--config", config("Qwen3-30B-A3B"),
            "--params-b", "30.5",
            "--active-params-b", "3.3",
            "--quant", "Q4_K_M",
            "--context", "4096",
            "--gpu", "NVIDIA-H100-80GB-HBM3",
            "--engine", "llama.cpp");

    // llama.cpp keeps the 151,936 x 2,048 input embedding table in host memory.
    assertThat(moe.at("/vram/weightsGiB").asDouble())
        .isCloseTo((30.5e9 - 151_936.0 * 2048) * 4.8944 / 8 / GIB, within(0.001));
    assertThat(moe.get("explanation").get(0).asText()).contains("3.30B active per token");
    assertThat(moe.get("decodeTokensPerSecond").asDouble()).isGreaterThan(200);
  }

  @Test
  void tensorParallelismSplitsTheNeedPerGpu() throws Exception {
    JsonNode json =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "bf16",
            "--context", "32768",
            "--concurrency", "4",
            "--gpu", "NVIDIA-A100-SXM4-40GB",
            "--gpu-count", "2",
            "--engine", "vllm",
            "--kv-cache-dtype", "fp8");

    assertThat(json.at("/vram/kvCacheGiB").asDouble()).isEqualTo(8.0); // 4 x 32768 x 64 KiB
    assertThat(json.at("/vram/perGpuGiB").asDouble())
        .isCloseTo(json.at("/vram/totalGiB").asDouble() / 2, within(0.002));
    assertThat(json.get("fits").asBoolean()).isTrue();
  }

  @Test
  void batchedTokensSizeVllmsActivationReserve() throws Exception {
    String[] args = {
      "--config", config("Llama-3.1-8B-Instruct"),
      "--quant", "bf16",
      "--context", "29000",
      "--gpu", "RTX 3090",
      "--engine", "vllm"
    };
    JsonNode byDefault = json(args);
    out.getBuffer().setLength(0);
    String[] whole = Arrays.copyOf(args, args.length + 2);
    whole[args.length] = "--batched-tokens";
    whole[args.length + 1] = "29000";
    JsonNode wholeContext = json(whole);

    assertThat(byDefault.get("fits").asBoolean()).isTrue();
    assertThat(wholeContext.get("fits").asBoolean()).isFalse();
    assertThat(wholeContext.at("/vram/activationsGiB").asDouble())
        .isGreaterThan(10 * byDefault.at("/vram/activationsGiB").asDouble());
    assertThat(wholeContext.get("explanation").toString()).contains("29,000 batched tokens");
  }

  @Test
  void explicitGpuFiguresWorkForAnUnlistedGpuAndLowerConfidence() throws Exception {
    JsonNode json =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "Q8_0",
            "--context", "4096",
            "--gpu", "Lab card 9000",
            "--gpu-memory-gib", "48",
            "--gpu-bandwidth-gbps", "1000");

    assertThat(json.get("confidence").asText()).isEqualTo("medium");
    assertThat(json.get("explanation").toString()).contains("the GPU has 48 GiB");
    out.getBuffer().setLength(0);
    JsonNode noName =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "Q8_0",
            "--context", "4096",
            "--gpu-memory-gib", "12",
            "--gpu-bandwidth-gbps", "360");
    assertThat(noName.get("fits").asBoolean()).isTrue();
  }

  @Test
  void unknownQuantizationIsFlaggedAndConservative() throws Exception {
    JsonNode json =
        json(
            "--config", config("Llama-3.1-8B-Instruct"),
            "--quant", "mystery-2bit",
            "--context", "4096",
            "--gpu", "NVIDIA-H100-80GB-HBM3");

    assertThat(json.at("/quant/known").asBoolean()).isFalse();
    assertThat(json.at("/quant/bitsPerWeight").asDouble()).isEqualTo(16.0);
    assertThat(json.get("confidence").asText()).isEqualTo("medium");
  }

  @Test
  void whatDoesNotFitSaysSoWithNumbers() throws Exception {
    JsonNode json =
        json(
            "--config", config("Qwen3-30B-A3B"),
            "--quant", "bf16",
            "--context", "8192",
            "--gpu", "NVIDIA-GeForce-RTX-4090",
            "--engine", "vllm");

    assertThat(json.get("fits").asBoolean()).isFalse();
    assertThat(json.get("decodeTokensPerSecond").asDouble()).isZero();
    assertThat(json.get("explanation").get(4).asText())
        .matches("won't fit: needs \\d+\\.\\d GiB, the GPU has 24 GiB.*");
  }

  @Test
  void tableIsTheDefaultOutput() {
    int exit =
        run(
            "estimate",
            "--config",
            config("Llama-3.1-8B-Instruct"),
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--gpu",
            "NVIDIA-GeForce-RTX-4090");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("model        Llama-3.1-8B-Instruct")
        .contains("fits         yes (24 GiB per GPU)")
        .contains("confidence   high")
        .contains("- weights 4.3 GiB");
  }

  @Test
  void anUnknownGpuWithoutFiguresSaysWhichFlagsToAdd() {
    int exit =
        run(
            "estimate",
            "--config",
            config("Llama-3.1-8B-Instruct"),
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--gpu",
            "Voodoo 5 6000");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith(
            "error: unknown GPU 'Voodoo 5 6000': add --gpu-memory-gib N and --gpu-bandwidth-gbps N");
  }

  @Test
  void anUnknownGpuWithOneFigureNamesTheOtherFlag() {
    int exit =
        run(
            "estimate",
            "--config",
            config("Llama-3.1-8B-Instruct"),
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--gpu",
            "Voodoo 5 6000",
            "--gpu-memory-gib",
            "32");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("add --gpu-bandwidth-gbps N (");
  }

  @Test
  void anAmbiguousGpuNameListsTheCandidates() {
    int exit =
        run(
            "estimate",
            "--config",
            config("Llama-3.1-8B-Instruct"),
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--gpu",
            "H100");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .contains("could be NVIDIA H100 SXM5 80GB, NVIDIA H100 PCIe 80GB, NVIDIA H100 NVL 94GB");
  }

  @Test
  void aNegativeContextIsOneLineAndExitCodeTwo() {
    int exit =
        run(
            "estimate",
            "--config",
            config("Llama-3.1-8B-Instruct"),
            "--quant",
            "Q4_K_M",
            "--context",
            "-5",
            "--gpu",
            "NVIDIA-H100-80GB-HBM3");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --context must be at least 1 token, was -5" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aConfigWithoutRequiredFieldsIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("config.json");
    Files.writeString(
        broken, "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\"}");

    int exit =
        run(
            "estimate",
            "--config",
            broken.toString(),
            "--quant",
            "Q4_K_M",
            "--context",
            "4096",
            "--gpu",
            "NVIDIA-H100-80GB-HBM3");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("error: ").contains("hidden_size");
  }

  @Test
  void missingOrBadArgumentsAreOneLineAndExitCodeTwo() {
    assertThat(run("estimate", "--quant", "Q4_K_M", "--context", "4096", "--gpu", "L4"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --config is required: the model's config.json" + System.lineSeparator());

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "estimate",
                "--config",
                config("Llama-3.1-8B-Instruct"),
                "--quant",
                "Q4_K_M",
                "--context",
                "4096",
                "--gpu",
                "L4",
                "--engine",
                "tgi"))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("error: unknown engine 'tgi'");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "estimate",
                "--config",
                config("Llama-3.1-8B-Instruct"),
                "--quant",
                "Q4_K_M",
                "--context",
                "4096",
                "--gpu",
                "L4",
                "--kv-cache-dtype",
                "int3"))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("error: unknown KV cache type 'int3'");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "estimate",
                "--config",
                config("Llama-3.1-8B-Instruct"),
                "--quant",
                "bf16",
                "--context",
                "4096",
                "--gpu",
                "L4",
                "--batched-tokens",
                "0"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "error: --batched-tokens must be at least 1, was 0; leave it out for the engine's"
                + " default"
                + System.lineSeparator());

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "estimate",
                "--config",
                "/nonexistent/config.json",
                "--quant",
                "Q4_K_M",
                "--context",
                "1",
                "--gpu",
                "L4"))
        .isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void estimateIsListedInHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("estimate");
    assertThat(run("estimate", "--help")).isZero();
    assertThat(out.toString()).contains("--gpu-bandwidth-gbps", "--kv-cache-dtype");
  }
}
