package dev.modelfleet.serving.ollama;

import dev.modelfleet.serving.ServingAdapter;
import dev.modelfleet.serving.ServingManifests;
import dev.modelfleet.serving.ServingRequest;
import dev.modelfleet.serving.workload.EngineImage;
import dev.modelfleet.serving.workload.EngineProbes;
import dev.modelfleet.serving.workload.EngineSpec;
import dev.modelfleet.serving.workload.GpuVendor;
import dev.modelfleet.serving.workload.RequestedQuantization;
import dev.modelfleet.serving.workload.RunAs;
import dev.modelfleet.serving.workload.WorkloadRenderer;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves an Ollama tag with {@code ollama serve}. An init container pulls the tag into the cache
 * volume first, so the engine starts with the model on disk.
 *
 * <p>Runs as uid 1000 with HOME on an emptyDir (Ollama writes its key pair under HOME); on AMD GPUs
 * it keeps the image's root user, because /dev/kfd belongs to a "render" group whose gid differs
 * from host to host.
 */
public final class OllamaAdapter implements ServingAdapter {

  /** The engine's name. */
  public static final String ENGINE = "ollama";

  /**
   * Pinned images: Ollama 0.12.6; the plain image runs on NVIDIA GPUs and CPUs, the -rocm build on
   * AMD GPUs (https://hub.docker.com/r/ollama/ollama).
   */
  public static final EngineImage IMAGES =
      new EngineImage("ollama/ollama:0.12.6", "ollama/ollama:0.12.6-rocm", "ollama/ollama:0.12.6");

  /** Ollama's default port. */
  public static final int PORT = 11434;

  /** Where the model cache claim is mounted; OLLAMA_MODELS points here. */
  public static final String CACHE_PATH = "/models";

  /** HOME of the Ollama process, an emptyDir: Ollama creates ~/.ollama/id_ed25519 at start. */
  public static final String HOME_PATH = "/home/ollama";

  /** Ollama's version endpoint: answers as soon as the server listens, never loads a model. */
  public static final String HEALTH_PATH = "/api/version";

  /**
   * Seconds Ollama may take to answer after start: the model is already on disk (the init container
   * pulled it) and Ollama loads it on the first request, so the server is up in seconds; five
   * minutes leaves room for a slow volume attach.
   */
  public static final int STARTUP_SECONDS = 300;

  /** uid and gid the Ollama containers run as; the image's "ubuntu" user on Ubuntu 24.04. */
  public static final long NON_ROOT_ID = 1000;

  /**
   * Keep the model loaded forever: the Deployment serves this one model, so unloading it after
   * Ollama's default five idle minutes would only add a reload to the next request.
   */
  static final String KEEP_ALIVE_FOREVER = "-1";

  /** Name of the init container that pulls the model. */
  public static final String PULL_CONTAINER = "pull-model";

  static final String HOME_VOLUME = "ollama-home";

  /** The KV cache types Ollama supports besides f16; each needs flash attention. */
  static final List<String> QUANTIZED_KV_CACHE = List.of("q8_0", "q4_0");

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public ServingManifests render(ServingRequest request) {
    if (request.ollamaTag() == null) {
      throw new IllegalArgumentException(
          "ollamaTag: Ollama pulls Ollama tags; set ollamaTag (a Hub GGUF repo is"
              + " hf.co/<org>/<repo>:<quant>), or serve the repo '"
              + request.huggingFaceRepo()
              + "' with engine vllm or sglang");
    }
    if (!request.adapters().isEmpty()) {
      throw new IllegalArgumentException(
          "adapters: Ollama serves LoRA adapters only baked into a model with a Modelfile; remove"
              + " the adapters or serve the model with engine vllm or sglang");
    }
    RequestedQuantization.of(request).ifPresent(q -> q.requireEngine(ENGINE, "Ollama"));
    String image = IMAGES.imageFor(request);
    RunAs runAs =
        GpuVendor.of(request) == GpuVendor.AMD
            ? RunAs.IMAGE_USER
            : RunAs.nonRoot(NON_ROOT_ID, NON_ROOT_ID);
    EngineSpec spec =
        new EngineSpec(
            ENGINE,
            image,
            List.of("/bin/ollama"),
            List.of("serve"),
            serverEnv(request),
            PORT,
            CACHE_PATH,
            EngineProbes.onePath(HEALTH_PATH, STARTUP_SECONDS),
            null,
            runAs,
            false,
            List.of(
                new ContainerBuilder()
                    .withName(PULL_CONTAINER)
                    .withImage(image)
                    .withCommand("/bin/sh", "-c", OllamaPullScript.SCRIPT)
                    .withEnv(pullEnv(request))
                    .build()),
            List.of(
                new VolumeBuilder().withName(HOME_VOLUME).withNewEmptyDir().endEmptyDir().build()),
            List.of(
                new VolumeMountBuilder().withName(HOME_VOLUME).withMountPath(HOME_PATH).build()));
    return WorkloadRenderer.render(request, spec);
  }

  private static List<EnvVar> serverEnv(ServingRequest request) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("OLLAMA_HOST", "0.0.0.0:" + PORT, null));
    env.add(new EnvVar("OLLAMA_MODELS", CACHE_PATH, null));
    env.add(new EnvVar("HOME", HOME_PATH, null));
    env.add(new EnvVar("OLLAMA_CONTEXT_LENGTH", Integer.toString(request.contextLength()), null));
    env.add(new EnvVar("OLLAMA_KEEP_ALIVE", KEEP_ALIVE_FOREVER, null));
    env.addAll(kvCacheEnv(request.kvCacheDtype()));
    return env;
  }

  static List<EnvVar> kvCacheEnv(String dtype) {
    if (dtype == null || "f16".equals(dtype)) {
      return List.of();
    }
    if (QUANTIZED_KV_CACHE.contains(dtype)) {
      return List.of(
          new EnvVar("OLLAMA_FLASH_ATTENTION", "1", null),
          new EnvVar("OLLAMA_KV_CACHE_TYPE", dtype, null));
    }
    throw new IllegalArgumentException(
        "kvCacheDtype: Ollama has no '"
            + dtype
            + "' KV cache; use f16, q8_0 or q4_0, or serve with engine vllm or sglang for fp8");
  }

  private static List<EnvVar> pullEnv(ServingRequest request) {
    return List.of(
        // The pull server listens on loopback only: nothing outside the pod needs it.
        new EnvVar("OLLAMA_HOST", "127.0.0.1:" + PORT, null),
        new EnvVar("OLLAMA_MODELS", CACHE_PATH, null),
        new EnvVar("HOME", HOME_PATH, null),
        new EnvVar(OllamaPullScript.MODEL_VARIABLE, request.ollamaTag(), null),
        new EnvVar(OllamaPullScript.ALIAS_VARIABLE, request.model(), null));
  }
}
