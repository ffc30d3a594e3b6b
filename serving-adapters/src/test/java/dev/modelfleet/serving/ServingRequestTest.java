package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServingRequestTest {

  @Test
  void aValidRequestKeepsItsFields() {
    ServingRequest request = TestRequests.huggingFace().revision("main").build();

    assertThat(request.pool()).isEqualTo("chat");
    assertThat(request.revision()).isEqualTo("main");
    assertThat(request.servingName()).isEqualTo("chat-llama-8b");
    assertThat(request.cpuOnly()).isFalse();
    assertThat(request.adapters()).isEmpty();
    assertThat(request.tolerations()).isEmpty();
  }

  @Test
  void autoKvCacheMeansTheEngineDefault() {
    assertThat(TestRequests.huggingFace().kvCacheDtype("auto").build().kvCacheDtype()).isNull();
  }

  @Test
  void listsAreCopiedSoLaterChangesDoNotLeakIn() {
    List<String> nodes = new ArrayList<>(List.of("n1"));
    ServingRequest request =
        new ServingRequest(
            "ns",
            "pool",
            "model",
            "org/repo",
            null,
            null,
            null,
            4096,
            null,
            1,
            1,
            "nvidia.com/gpu",
            nodes,
            null,
            0.9,
            10,
            null,
            null,
            null,
            null,
            null);
    nodes.add("n2");

    assertThat(request.nodeNames()).containsExactly("n1");
    assertThatThrownBy(() -> request.nodeNames().add("n3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilderRoundTrips() {
    ServingRequest request =
        TestRequests.huggingFace()
            .huggingFaceToken("hf", "token")
            .adapters(List.of(LoraAdapter.fromHuggingFace("sql", "org/sql-lora", 16)))
            .tolerations(List.of(new Toleration("NoSchedule", "dedicated", "Equal", null, "llm")))
            .build();

    assertThat(request.toBuilder().build()).isEqualTo(request);
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        invalid(b -> b.namespace("Team_A"), "namespace: 'Team_A' is not a DNS label"),
        invalid(b -> b.pool(null), "pool: 'null' is not a DNS label"),
        invalid(b -> b.model("-x"), "model: '-x' is not a DNS label"),
        invalid(b -> b.ollamaTag("llama3.2"), "huggingFaceRepo/ollamaTag: set exactly one"),
        invalid(b -> b.huggingFaceRepo(null), "huggingFaceRepo/ollamaTag: set exactly one"),
        invalid(b -> b.huggingFaceRepo("llama"), "huggingFaceRepo: 'llama' is not a repo id"),
        invalid(
            b -> b.huggingFaceRepo(null).ollamaTag("bad tag"),
            "ollamaTag: 'bad tag' is not an Ollama tag"),
        invalid(
            b -> b.huggingFaceRepo(null).ollamaTag("llama3.2").revision("main"),
            "revision: only a Hugging Face repo has revisions"),
        invalid(b -> b.revision("-main"), "revision: '-main' is not a branch"),
        invalid(b -> b.quantization("Q9_Z"), "quantization: 'Q9_Z' is not in the quantization"),
        invalid(b -> b.contextLength(0), "contextLength: 0 must be at least 1"),
        invalid(b -> b.kvCacheDtype("int8"), "kvCacheDtype: 'int8' is not one of"),
        invalid(b -> b.replicas(-1), "replicas: -1 must not be negative"),
        invalid(b -> b.gpus(null, 1), "gpusPerReplica: 1 GPUs need a gpuResourceName"),
        invalid(b -> b.gpus("nvidia.com/gpu", 0), "gpusPerReplica: 0 must be at least 1"),
        invalid(b -> b.gpus("intel.com/gpu", 1), "gpuResourceName: 'intel.com/gpu' is not"),
        invalid(b -> b.nodeNames(List.of()), "nodeNames: list at least one node"),
        invalid(b -> b.nodeNames(Arrays.asList("n1", null)), "nodeNames: remove the null entry"),
        invalid(b -> b.nodeNames(List.of("Node_1")), "nodeNames: 'Node_1' is not a Kubernetes"),
        invalid(b -> b.gpuMemoryUtilization(0), "gpuMemoryUtilization: 0.0 must be above 0"),
        invalid(b -> b.gpuMemoryUtilization(1.2), "gpuMemoryUtilization: 1.2 must be above 0"),
        invalid(
            b -> b.gpuMemoryUtilization(Double.NaN), "gpuMemoryUtilization: NaN must be above 0"),
        invalid(b -> b.cacheDiskGiB(0), "cacheDiskGiB: 0.0 must be a positive size"),
        invalid(
            b -> b.cacheDiskGiB(Double.POSITIVE_INFINITY),
            "cacheDiskGiB: Infinity must be a positive size"),
        invalid(b -> b.storageClassName("Fast SSD"), "storageClassName: 'Fast SSD' is not"),
        invalid(b -> b.image("Not An Image"), "image: 'Not An Image' is not an image reference"),
        invalid(
            b -> b.huggingFaceToken("hf", null),
            "huggingFaceTokenSecretName/huggingFaceTokenSecretKey: set both"),
        invalid(
            b -> b.huggingFaceToken("hf", "a key"),
            "huggingFaceTokenSecretKey: 'a key' is not a Secret key"),
        invalid(
            b ->
                b.adapters(
                    List.of(
                        LoraAdapter.fromHuggingFace("sql", "org/a", 8),
                        LoraAdapter.fromPath("sql", "/adapters/b", 8))),
            "adapters: the name 'sql' is used twice"),
        invalid(b -> b.adapters(Arrays.asList((LoraAdapter) null)), "adapters: remove the null"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidRequests")
  void invalidFieldsAreNamedWithTheFix(
      UnaryOperator<ServingRequest.Builder> change, String expected, String name) {
    assertThatThrownBy(() -> change.apply(TestRequests.huggingFace()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(expected);
  }

  @Test
  void loraAdaptersCheckTheirFields() {
    assertThatThrownBy(() -> new LoraAdapter("sql", "org/a", "/a", 8))
        .hasMessage("adapters[sql]: set exactly one of huggingFaceRepo or path");
    assertThatThrownBy(() -> new LoraAdapter("sql", null, null, 8))
        .hasMessage("adapters[sql]: set exactly one of huggingFaceRepo or path");
    assertThatThrownBy(() -> LoraAdapter.fromPath("sql", "adapters/sql", 8))
        .hasMessageContaining("must be an absolute path");
    assertThatThrownBy(() -> LoraAdapter.fromPath("sql", "/models/../etc", 8))
        .hasMessageContaining("without '..'");
    assertThatThrownBy(() -> LoraAdapter.fromHuggingFace("sql", "not-a-repo", 8))
        .hasMessageContaining("adapters[sql].huggingFaceRepo: 'not-a-repo'");
    assertThatThrownBy(() -> LoraAdapter.fromHuggingFace("sql", "org/a", 513))
        .hasMessage("adapters[sql].rank: 513 is outside 1..512");
    assertThatThrownBy(() -> LoraAdapter.fromHuggingFace("SQL", "org/a", 8))
        .hasMessageStartingWith("adapters[].name: 'SQL' is not a DNS label");
  }

  private static Arguments invalid(UnaryOperator<ServingRequest.Builder> change, String expected) {
    return arguments(change, expected, expected);
  }
}
