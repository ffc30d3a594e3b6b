package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.testing.kube.KubeApiServer;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine's objects are accepted by a real API server, and nothing in them is silently dropped
 * (a 1.20 server prunes fields it does not know instead of rejecting them).
 */
@WithKubeApiServer
class ManifestsAcceptedTest {

  static Stream<Arguments> renderings() {
    Toleration dedicated = new Toleration("NoSchedule", "dedicated", "Equal", null, "llm");
    List<LoraAdapter> adapters =
        List.of(
            LoraAdapter.fromHuggingFace("sql", "org/llama-sql-lora", 16),
            LoraAdapter.fromPath("support", "/models/adapters/support", 32));
    return Stream.of(
        Arguments.of(
            "vllm",
            TestRequests.huggingFace()
                .gpus("nvidia.com/gpu", 2)
                .replicas(2)
                .nodeNames(List.of("gpu-1", "gpu-2"))
                .tolerations(List.of(dedicated))
                .storageClassName("shared-files")
                .huggingFaceToken("hf-token", "token")
                .quantization("FP8")
                .kvCacheDtype("fp8")
                .adapters(adapters)
                .build()),
        Arguments.of(
            "sglang",
            TestRequests.huggingFace()
                .gpus("amd.com/gpu", 8)
                .cacheDiskGiB(12.5)
                .adapters(adapters)
                .build()),
        Arguments.of("ollama", TestRequests.ollama().kvCacheDtype("q8_0").build()),
        Arguments.of("ollama", TestRequests.ollama().gpus(null, 0).build()));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("renderings")
  void theServerKeepsEveryField(
      String engine, ServingRequest request, KubernetesClient client, KubeApiServer server) {
    String namespace = server.newNamespace("serving");
    ServingManifests manifests =
        ServingAdapters.forEngine(engine).render(request.toBuilder().namespace(namespace).build());

    for (HasMetadata object :
        List.of(manifests.cacheClaim(), manifests.service(), manifests.deployment())) {
      HasMetadata created;
      try {
        created = client.resource(object).create();
      } catch (KubernetesClientException e) {
        throw new AssertionError(object.getKind() + " rejected: " + e.getMessage(), e);
      }
      assertKept(
          object.getKind(),
          client.getKubernetesSerialization().convertValue(object, Map.class),
          client.getKubernetesSerialization().convertValue(created, Map.class));
    }
  }

  /** Every value the renderer set is in what the server stored; the server may add defaults. */
  private static void assertKept(String path, Object sent, Object stored) {
    if (sent instanceof Map<?, ?> sentMap) {
      assertThat(stored).as(path).isInstanceOf(Map.class);
      Map<?, ?> storedMap = (Map<?, ?>) stored;
      for (Map.Entry<?, ?> entry : sentMap.entrySet()) {
        assertThat(storedMap.containsKey(entry.getKey()))
            .as(path + "." + entry.getKey() + " was dropped")
            .isTrue();
        assertKept(path + "." + entry.getKey(), entry.getValue(), storedMap.get(entry.getKey()));
      }
    } else if (sent instanceof List<?> sentList) {
      assertThat(stored).as(path).isInstanceOf(List.class);
      List<?> storedList = (List<?>) stored;
      assertThat(storedList).as(path).hasSameSizeAs(sentList);
      for (int i = 0; i < sentList.size(); i++) {
        assertKept(path + "[" + i + "]", sentList.get(i), storedList.get(i));
      }
    } else {
      assertThat(stored).as(path).isEqualTo(sent);
    }
  }
}
