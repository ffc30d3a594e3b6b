package dev.modelfleet.serving;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;

/** Requests and lookups the adapter tests share. */
public final class TestRequests {

  private TestRequests() {}

  /** Llama 3.1 8B on one H100 node, the shape the placement produces most often. */
  public static ServingRequest.Builder huggingFace() {
    return ServingRequest.builder()
        .namespace("team-a")
        .pool("chat")
        .model("llama-8b")
        .huggingFaceRepo("meta-llama/Llama-3.1-8B-Instruct")
        .contextLength(8192)
        .replicas(1)
        .gpus("nvidia.com/gpu", 1)
        .nodeNames(List.of("gpu-node-1"))
        .gpuMemoryUtilization(0.9)
        .cacheDiskGiB(40);
  }

  /** Llama 3.2 3B from Ollama's library on one node. */
  public static ServingRequest.Builder ollama() {
    return ServingRequest.builder()
        .namespace("team-a")
        .pool("chat")
        .model("llama-3b")
        .ollamaTag("llama3.2:3b")
        .contextLength(8192)
        .replicas(1)
        .gpus("nvidia.com/gpu", 1)
        .nodeNames(List.of("gpu-node-1"))
        .gpuMemoryUtilization(0.9)
        .cacheDiskGiB(10);
  }

  /** The pod spec of a rendering. */
  public static PodSpec pod(ServingManifests manifests) {
    return manifests.deployment().getSpec().getTemplate().getSpec();
  }

  /** The engine container of a rendering. */
  public static Container engine(ServingManifests manifests) {
    return pod(manifests).getContainers().get(0);
  }

  /** The value of an environment variable of a container; null when unset. */
  public static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The value following {@code flag} in {@code args}; null when the flag is absent. */
  public static String flag(List<String> args, String flag) {
    int at = args.indexOf(flag);
    return at < 0 || at + 1 >= args.size() ? null : args.get(at + 1);
  }
}
