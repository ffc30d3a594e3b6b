package dev.modelfleet.serving.vllm;

import static dev.modelfleet.serving.TestRequests.engine;
import static dev.modelfleet.serving.TestRequests.flag;
import static dev.modelfleet.serving.TestRequests.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingManifests;
import dev.modelfleet.serving.ServingRequest;
import dev.modelfleet.serving.TestRequests;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VllmAdapterTest {

  private final VllmAdapter adapter = new VllmAdapter();

  private List<String> args(ServingRequest request) {
    return engine(adapter.render(request)).getArgs();
  }

  @Test
  void servesTheRepoUnderThePoolsModelName() {
    ServingManifests manifests =
        adapter.render(
            TestRequests.huggingFace()
                .gpus("nvidia.com/gpu", 2)
                .contextLength(32768)
                .gpuMemoryUtilization(0.85)
                .build());
    Container engine = engine(manifests);

    assertThat(engine.getImage()).isEqualTo("vllm/vllm-openai:v0.11.2");
    assertThat(engine.getCommand()).containsExactly("vllm", "serve");
    assertThat(engine.getArgs())
        .containsExactly(
            "meta-llama/Llama-3.1-8B-Instruct",
            "--served-model-name",
            "llama-8b",
            "--host",
            "0.0.0.0",
            "--port",
            "8000",
            "--tensor-parallel-size",
            "2",
            "--max-model-len",
            "32768",
            "--gpu-memory-utilization",
            "0.85");
    assertThat(engine.getPorts().get(0).getContainerPort()).isEqualTo(8000);
    assertThat(TestRequests.env(engine, "HF_HOME")).isEqualTo("/models");
    assertThat(TestRequests.env(engine, "VLLM_NO_USAGE_STATS")).isEqualTo("1");
  }

  @Test
  void probesAndMetricsUseVllmsEndpoints() {
    ServingManifests manifests =
        adapter.render(TestRequests.huggingFace().cacheDiskGiB(100).build());
    Container engine = engine(manifests);

    assertThat(engine.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(engine.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(engine.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    // 100 GiB at 50 MiB/s is 2048 s, plus 900 s of warm-up: 295 probes 10 s apart.
    assertThat(engine.getStartupProbe().getFailureThreshold()).isEqualTo(295);
    assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/metrics")
        .containsEntry("prometheus.io/port", "8000");
  }

  @Test
  void runsAsTheImagesRootUserWithoutPrivileges() {
    ServingManifests manifests = adapter.render(TestRequests.huggingFace().build());

    assertThat(pod(manifests).getSecurityContext().getRunAsNonRoot()).isNull();
    assertThat(pod(manifests).getSecurityContext().getRunAsUser()).isNull();
    assertThat(engine(manifests).getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
  }

  @Test
  void revisionIsPassed() {
    assertThat(flag(args(TestRequests.huggingFace().revision("0e9e39f").build()), "--revision"))
        .isEqualTo("0e9e39f");
  }

  @Test
  void amdGpusGetTheRocmBuild() {
    assertThat(
            engine(adapter.render(TestRequests.huggingFace().gpus("amd.com/gpu", 1).build()))
                .getImage())
        .isEqualTo("rocm/vllm:rocm7.0.0_vllm_0.11.2_20251210");
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        // Formats vLLM reads from the checkpoint's config get no flag.
        "AWQ, Qwen/Qwen2.5-7B-Instruct-AWQ, -, -",
        "GPTQ-Int4, Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4, -, -",
        "INT8-W8A8, RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w8a8, -, -",
        "NVFP4, nvidia/Llama-3.1-8B-Instruct-FP4, -, -",
        // An FP8 checkpoint is read as such; a 16-bit one is quantized while loading.
        "FP8, RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8, -, -",
        "FP8, meta-llama/Llama-3.1-8B-Instruct, --quantization, fp8",
        "BNB-NF4, unsloth/Llama-3.2-3B-Instruct-bnb-4bit, -, -",
        "BNB-NF4, meta-llama/Llama-3.1-8B-Instruct, --quantization, bitsandbytes",
        "BF16, meta-llama/Llama-3.1-8B-Instruct, --dtype, bfloat16",
        "FP16, meta-llama/Llama-3.1-8B-Instruct, --dtype, float16",
      })
  void quantizationMapsToVllmFlags(String quantization, String repo, String flag, String value) {
    List<String> args =
        args(TestRequests.huggingFace().huggingFaceRepo(repo).quantization(quantization).build());

    if (flag == null) {
      assertThat(args).doesNotContain("--quantization", "--dtype");
    } else {
      assertThat(flag(args, flag)).isEqualTo(value);
    }
  }

  @Test
  void formatsVllmCannotLoadAreRejectedByField() {
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().quantization("Q4_K_M").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("quantization: vLLM does not load Q4_K_M")
        .hasMessageContaining("ollama");
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().quantization("BNB-INT8").build()))
        .hasMessageStartingWith(
            "quantization: vLLM quantizes a 16-bit checkpoint while loading only to BNB-NF4");
  }

  @Test
  void kvCacheFp8IsPassedAndLlamaCppTypesAreRejected() {
    assertThat(
            flag(args(TestRequests.huggingFace().kvCacheDtype("fp8").build()), "--kv-cache-dtype"))
        .isEqualTo("fp8");
    assertThat(args(TestRequests.huggingFace().kvCacheDtype("f16").build()))
        .doesNotContain("--kv-cache-dtype");
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().kvCacheDtype("q8_0").build()))
        .hasMessageStartingWith("kvCacheDtype: vLLM has no 'q8_0' KV cache");
  }

  @Test
  void adaptersEnableLoraWithEveryModuleAndTheRankRoundedUp() {
    List<String> args =
        args(
            TestRequests.huggingFace()
                .adapters(
                    List.of(
                        LoraAdapter.fromHuggingFace("sql", "org/llama-sql-lora", 16),
                        LoraAdapter.fromPath("support", "/models/adapters/support", 24),
                        LoraAdapter.fromHuggingFace("tone", "org/tone-lora", null)))
                .build());

    int lora = args.indexOf("--enable-lora");
    assertThat(lora).isPositive();
    assertThat(flag(args, "--max-loras")).isEqualTo("3");
    assertThat(flag(args, "--max-lora-rank")).isEqualTo("32");
    assertThat(args.subList(args.indexOf("--lora-modules") + 1, args.size()))
        .containsExactly(
            "sql=org/llama-sql-lora", "support=/models/adapters/support", "tone=org/tone-lora");
  }

  @ParameterizedTest
  @CsvSource({"1, 8", "8, 8", "9, 16", "300, 320", "321, 512", "512, 512"})
  void ranksRoundUpToAValueVllmAccepts(int rank, int expected) {
    assertThat(VllmArgs.roundUpRank(rank)).isEqualTo(expected);
  }

  @Test
  void unknownRanksLeaveVllmsDefault() {
    List<String> args =
        args(
            TestRequests.huggingFace()
                .adapters(List.of(LoraAdapter.fromHuggingFace("sql", "org/sql", null)))
                .build());

    assertThat(args).contains("--enable-lora").doesNotContain("--max-lora-rank");
  }

  @Test
  void noAdaptersNoLoraFlags() {
    assertThat(args(TestRequests.huggingFace().build()))
        .doesNotContain("--enable-lora", "--lora-modules", "--max-lora-rank");
  }

  @Test
  void anOllamaTagIsSentToOllama() {
    assertThatThrownBy(() -> adapter.render(TestRequests.ollama().build()))
        .hasMessageStartingWith("huggingFaceRepo: vLLM serves Hugging Face repos")
        .hasMessageContaining("engine ollama");
  }

  @Test
  void cpuOnlyNeedsACpuBuild() {
    ServingRequest.Builder cpu = TestRequests.huggingFace().gpus(null, 0);

    assertThatThrownBy(() -> adapter.render(cpu.build()))
        .hasMessageStartingWith("gpuResourceName: vLLM's pinned images need GPUs");
    ServingManifests manifests = adapter.render(cpu.image("example.com/vllm-cpu:0.11.2").build());
    assertThat(engine(manifests).getResources().getLimits()).isNullOrEmpty();
    assertThat(flag(engine(manifests).getArgs(), "--tensor-parallel-size")).isEqualTo("1");
    assertThat(pod(manifests).getTolerations()).isEmpty();
  }
}
