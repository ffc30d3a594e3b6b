package dev.modelfleet.serving.ollama;

import static dev.modelfleet.serving.TestRequests.engine;
import static dev.modelfleet.serving.TestRequests.env;
import static dev.modelfleet.serving.TestRequests.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingManifests;
import dev.modelfleet.serving.TestRequests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaAdapterTest {

  private final OllamaAdapter adapter = new OllamaAdapter();

  @Test
  void servesWithTheContextAndCacheFromTheEnvironment() {
    ServingManifests manifests = adapter.render(TestRequests.ollama().contextLength(16384).build());
    Container engine = engine(manifests);

    assertThat(engine.getImage()).isEqualTo("ollama/ollama:0.12.6");
    assertThat(engine.getCommand()).containsExactly("/bin/ollama");
    assertThat(engine.getArgs()).containsExactly("serve");
    assertThat(engine.getPorts().get(0).getContainerPort()).isEqualTo(11434);
    assertThat(env(engine, "OLLAMA_HOST")).isEqualTo("0.0.0.0:11434");
    assertThat(env(engine, "OLLAMA_MODELS")).isEqualTo("/models");
    assertThat(env(engine, "OLLAMA_CONTEXT_LENGTH")).isEqualTo("16384");
    assertThat(env(engine, "OLLAMA_KEEP_ALIVE")).isEqualTo("-1");
    assertThat(env(engine, "HOME")).isEqualTo("/home/ollama");
    assertThat(env(engine, "OLLAMA_KV_CACHE_TYPE")).isNull();
    assertThat(engine.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .contains("/models", "/home/ollama");
  }

  @Test
  void anInitContainerPullsTheTagIntoTheCacheFirst() {
    ServingManifests manifests = adapter.render(TestRequests.ollama().build());
    List<Container> inits = pod(manifests).getInitContainers();

    assertThat(inits).hasSize(1);
    Container pull = inits.get(0);
    assertThat(pull.getName()).isEqualTo("pull-model");
    assertThat(pull.getImage()).isEqualTo(engine(manifests).getImage());
    assertThat(pull.getCommand()).containsExactly("/bin/sh", "-c", OllamaPullScript.SCRIPT);
    assertThat(OllamaPullScript.SCRIPT)
        .contains("/bin/ollama serve")
        .contains("/bin/ollama pull \"$MODELFLEET_OLLAMA_MODEL\"")
        .contains("/bin/ollama show \"$MODELFLEET_OLLAMA_MODEL\"")
        .contains("kill \"$server\"");
    assertThat(env(pull, "MODELFLEET_OLLAMA_MODEL")).isEqualTo("llama3.2:3b");
    assertThat(env(pull, "OLLAMA_HOST")).isEqualTo("127.0.0.1:11434");
    assertThat(env(pull, "OLLAMA_MODELS")).isEqualTo("/models");
    assertThat(pull.getVolumeMounts())
        .extracting(VolumeMount::getName)
        .contains("model-cache", "ollama-home");
  }

  @Test
  void probesUseTheVersionEndpointAndThereIsNoScrapeTarget() {
    ServingManifests manifests = adapter.render(TestRequests.ollama().build());
    Container engine = engine(manifests);

    assertThat(engine.getStartupProbe().getHttpGet().getPath()).isEqualTo("/api/version");
    assertThat(engine.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/version");
    assertThat(engine.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/api/version");
    assertThat(engine.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
        .doesNotContainKey("prometheus.io/scrape");
  }

  @Test
  void runsAsANonRootUserThatOwnsTheCache() {
    PodSecurityContext security =
        pod(adapter.render(TestRequests.ollama().build())).getSecurityContext();

    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isEqualTo(1000L);
    assertThat(security.getRunAsGroup()).isEqualTo(1000L);
    assertThat(security.getFsGroup()).isEqualTo(1000L);
    assertThat(security.getFsGroupChangePolicy()).isEqualTo("OnRootMismatch");
  }

  @Test
  void onAmdGpusItKeepsTheImageUserAndTheRocmBuild() {
    ServingManifests manifests =
        adapter.render(TestRequests.ollama().gpus("amd.com/gpu", 1).build());

    assertThat(engine(manifests).getImage()).isEqualTo("ollama/ollama:0.12.6-rocm");
    assertThat(pod(manifests).getSecurityContext().getRunAsNonRoot()).isNull();
    assertThat(pod(manifests).getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
  }

  @Test
  void cpuOnlyNodesGetNoGpuRequestsOrTolerations() {
    ServingManifests manifests = adapter.render(TestRequests.ollama().gpus(null, 0).build());

    assertThat(engine(manifests).getImage()).isEqualTo("ollama/ollama:0.12.6");
    assertThat(engine(manifests).getResources().getLimits()).isNullOrEmpty();
    assertThat(engine(manifests).getResources().getRequests()).isNullOrEmpty();
    assertThat(pod(manifests).getTolerations()).isEmpty();
  }

  @Test
  void quantizedKvCacheTurnsOnFlashAttention() {
    Container engine = engine(adapter.render(TestRequests.ollama().kvCacheDtype("q8_0").build()));

    assertThat(env(engine, "OLLAMA_KV_CACHE_TYPE")).isEqualTo("q8_0");
    assertThat(env(engine, "OLLAMA_FLASH_ATTENTION")).isEqualTo("1");
    assertThatThrownBy(() -> adapter.render(TestRequests.ollama().kvCacheDtype("fp8").build()))
        .hasMessageStartingWith("kvCacheDtype: Ollama has no 'fp8' KV cache");
  }

  @Test
  void quantizationMustBeOneOllamaLoads() {
    assertThat(adapter.render(TestRequests.ollama().quantization("Q4_K_M").build())).isNotNull();
    assertThatThrownBy(() -> adapter.render(TestRequests.ollama().quantization("AWQ").build()))
        .hasMessageStartingWith("quantization: Ollama does not load AWQ-INT4-G128");
  }

  @Test
  void huggingFaceReposAndAdaptersAreSentToOtherEngines() {
    assertThatThrownBy(() -> adapter.render(TestRequests.huggingFace().build()))
        .hasMessageStartingWith("ollamaTag: Ollama pulls Ollama tags")
        .hasMessageContaining("engine vllm or sglang");
    assertThatThrownBy(
            () ->
                adapter.render(
                    TestRequests.ollama()
                        .adapters(List.of(LoraAdapter.fromHuggingFace("sql", "org/sql", 8)))
                        .build()))
        .hasMessageStartingWith("adapters: Ollama serves LoRA adapters only baked into a model");
  }
}
