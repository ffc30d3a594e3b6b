package dev.modelfleet.serving.sglang;

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

class SglangAdapterTest {

  private final SglangAdapter adapter = new SglangAdapter();

  private List<String> args(ServingRequest request) {
    return engine(adapter.render(request)).getArgs();
  }

  @Test
  void launchesTheServerOnAllInterfacesWithMetrics() {
    ServingManifests manifests =
        adapter.render(
            TestRequests.huggingFace()
                .gpus("nvidia.com/gpu", 4)
                .contextLength(16384)
                .gpuMemoryUtilization(0.8)
                .revision("main")
                .build());
    Container engine = engine(manifests);

    assertThat(engine.getImage()).isEqualTo("lmsysorg/sglang:v0.5.5");
    assertThat(engine.getCommand()).containsExactly("python3", "-m", "sglang.launch_server");
    assertThat(engine.getArgs())
        .containsExactly(
            "--model-path",
            "meta-llama/Llama-3.1-8B-Instruct",
            "--served-model-name",
            "llama-8b",
            "--host",
            "0.0.0.0",
            "--port",
            "30000",
            "--tp",
            "4",
            "--context-length",
            "16384",
            "--mem-fraction-static",
            "0.8",
            "--revision",
            "main",
            "--enable-metrics");
    assertThat(engine.getPorts().get(0).getContainerPort()).isEqualTo(30000);
    assertThat(TestRequests.env(engine, "HF_HOME")).isEqualTo("/models");
  }

  @Test
  void probesUseHealthNotTheGeneratingEndpoint() {
    ServingManifests manifests = adapter.render(TestRequests.huggingFace().build());
    Container engine = engine(manifests);

    assertThat(engine.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(engine.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(engine.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/path", "/metrics")
        .containsEntry("prometheus.io/port", "30000");
    assertThat(pod(manifests).getSecurityContext().getRunAsNonRoot()).isNull();
  }

  @Test
  void amdGpusGetTheRocmBuild() {
    assertThat(
            engine(adapter.render(TestRequests.huggingFace().gpus("amd.com/gpu", 8).build()))
                .getImage())
        .isEqualTo("lmsysorg/sglang:v0.5.5.post3-rocm700-mi30x");
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "AWQ, Qwen/Qwen2.5-7B-Instruct-AWQ, -, -",
        "GPTQ-Int8, Qwen/Qwen2.5-7B-Instruct-GPTQ-Int8, -, -",
        "FP8, RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8, -, -",
        "FP8, meta-llama/Llama-3.1-8B-Instruct, --quantization, fp8",
        "BNB-NF4, unsloth/Llama-3.2-3B-Instruct-bnb-4bit, -, -",
        "BF16, meta-llama/Llama-3.1-8B-Instruct, --dtype, bfloat16",
      })
  void quantizationMapsToSglangFlags(String quantization, String repo, String flag, String value) {
    List<String> args =
        args(TestRequests.huggingFace().huggingFaceRepo(repo).quantization(quantization).build());

    if (flag == null) {
      assertThat(args).doesNotContain("--quantization", "--dtype");
    } else {
      assertThat(flag(args, flag)).isEqualTo(value);
    }
  }

  @Test
  void unsupportedQuantizationsAreRejectedByField() {
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().quantization("Q8_0").build()))
        .hasMessageStartingWith("quantization: SGLang does not load Q8_0");
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().quantization("BNB-NF4").build()))
        .hasMessageStartingWith("quantization: SGLang loads BNB-NF4 only from a repo");
  }

  @Test
  void kvCacheFp8IsE4m3AndLlamaCppTypesAreRejected() {
    assertThat(
            flag(args(TestRequests.huggingFace().kvCacheDtype("fp8").build()), "--kv-cache-dtype"))
        .isEqualTo("fp8_e4m3");
    assertThatThrownBy(
            () -> adapter.render(TestRequests.huggingFace().kvCacheDtype("q4_0").build()))
        .hasMessageStartingWith("kvCacheDtype: SGLang has no 'q4_0' KV cache");
  }

  @Test
  void adaptersAreLoadedAsNamedLoraPaths() {
    List<String> args =
        args(
            TestRequests.huggingFace()
                .adapters(
                    List.of(
                        LoraAdapter.fromHuggingFace("sql", "org/llama-sql-lora", 16),
                        LoraAdapter.fromPath("support", "/models/adapters/support", 24)))
                .build());

    assertThat(args).contains("--enable-lora");
    assertThat(flag(args, "--max-lora-rank")).isEqualTo("24");
    assertThat(args.subList(args.indexOf("--lora-paths") + 1, args.size()))
        .containsExactly("sql=org/llama-sql-lora", "support=/models/adapters/support");
  }

  @Test
  void withoutKnownRanksSglangInfersTheRank() {
    List<String> args =
        args(
            TestRequests.huggingFace()
                .adapters(List.of(LoraAdapter.fromHuggingFace("sql", "org/sql", null)))
                .build());

    assertThat(args).contains("--enable-lora", "--lora-paths").doesNotContain("--max-lora-rank");
  }

  @Test
  void anOllamaTagOrCpuOnlyPlacementIsRejected() {
    assertThatThrownBy(() -> adapter.render(TestRequests.ollama().build()))
        .hasMessageStartingWith("huggingFaceRepo: SGLang serves Hugging Face repos");
    assertThatThrownBy(() -> adapter.render(TestRequests.huggingFace().gpus(null, 0).build()))
        .hasMessageStartingWith("gpuResourceName: SGLang's pinned images need GPUs");
  }
}
