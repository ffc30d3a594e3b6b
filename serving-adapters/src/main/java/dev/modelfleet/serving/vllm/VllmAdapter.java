package dev.modelfleet.serving.vllm;

import dev.modelfleet.serving.ServingAdapter;
import dev.modelfleet.serving.ServingManifests;
import dev.modelfleet.serving.ServingRequest;
import dev.modelfleet.serving.workload.EngineImage;
import dev.modelfleet.serving.workload.EngineProbes;
import dev.modelfleet.serving.workload.EngineSpec;
import dev.modelfleet.serving.workload.HuggingFaceEngine;
import dev.modelfleet.serving.workload.RunAs;
import dev.modelfleet.serving.workload.StartupBudget;
import dev.modelfleet.serving.workload.WorkloadRenderer;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;

/**
 * Serves a Hugging Face model with vLLM's OpenAI-compatible server ({@code vllm serve}).
 *
 * <p>The image runs as root: the upstream image has no other user, and PyTorch looks the uid up in
 * /etc/passwd at import, so an arbitrary uid fails. The container still drops every capability and
 * cannot escalate privileges.
 */
public final class VllmAdapter implements ServingAdapter {

  /** The engine's name. */
  public static final String ENGINE = "vllm";

  /**
   * Pinned images: vLLM 0.11.2, the CUDA build from Docker Hub and AMD's ROCm build of the same
   * release (https://hub.docker.com/r/rocm/vllm). No CPU build is pinned.
   */
  public static final EngineImage IMAGES =
      new EngineImage("vllm/vllm-openai:v0.11.2", "rocm/vllm:rocm7.0.0_vllm_0.11.2_20251210", null);

  /** vLLM's default --port. */
  public static final int PORT = 8000;

  /** Where the model cache claim is mounted; HF_HOME points here. */
  public static final String CACHE_PATH = "/models";

  /** vLLM's health endpoint: 200 once the engine is up, 500 when the engine loop died. */
  public static final String HEALTH_PATH = "/health";

  /** vLLM's Prometheus endpoint, on the API port. */
  public static final String METRICS_PATH = "/metrics";

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public ServingManifests render(ServingRequest request) {
    String image = HuggingFaceEngine.image(request, IMAGES, "vLLM", "a vLLM CPU build");
    EngineSpec spec =
        new EngineSpec(
            ENGINE,
            image,
            List.of("vllm", "serve"),
            VllmArgs.of(request, PORT),
            List.of(
                new EnvVar("HF_HOME", CACHE_PATH, null),
                // A cluster service should not report usage to the vLLM project.
                new EnvVar("VLLM_NO_USAGE_STATS", "1", null)),
            PORT,
            CACHE_PATH,
            EngineProbes.onePath(HEALTH_PATH, StartupBudget.forDownload(request.cacheDiskGiB())),
            METRICS_PATH,
            RunAs.IMAGE_USER,
            true,
            List.of(),
            List.of(),
            List.of());
    return WorkloadRenderer.render(request, spec);
  }
}
