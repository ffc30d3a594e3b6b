package dev.modelfleet.serving.sglang;

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
 * Serves a Hugging Face model with SGLang ({@code python3 -m sglang.launch_server}).
 *
 * <p>The image runs as root, like vLLM's: it has no other user and its PyTorch stack needs one in
 * /etc/passwd. The container still drops every capability and cannot escalate privileges.
 */
public final class SglangAdapter implements ServingAdapter {

  /** The engine's name. */
  public static final String ENGINE = "sglang";

  /**
   * Pinned images: SGLang 0.5.5 for CUDA, and the ROCm 7.0 build of the same release line for
   * MI300-class GPUs (https://hub.docker.com/r/lmsysorg/sglang). No CPU build is pinned.
   */
  public static final EngineImage IMAGES =
      new EngineImage("lmsysorg/sglang:v0.5.5", "lmsysorg/sglang:v0.5.5.post3-rocm700-mi30x", null);

  /** SGLang's default --port. */
  public static final int PORT = 30000;

  /** Where the model cache claim is mounted; HF_HOME points here. */
  public static final String CACHE_PATH = "/models";

  /**
   * SGLang's cheap health endpoint. {@code /health_generate} runs a one-token generation, too heavy
   * to poll for liveness on a busy server.
   */
  public static final String HEALTH_PATH = "/health";

  /** SGLang's Prometheus endpoint, on the API port once --enable-metrics is set. */
  public static final String METRICS_PATH = "/metrics";

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public ServingManifests render(ServingRequest request) {
    String image = HuggingFaceEngine.image(request, IMAGES, "SGLang", "an SGLang CPU build");
    EngineSpec spec =
        new EngineSpec(
            ENGINE,
            image,
            List.of("python3", "-m", "sglang.launch_server"),
            SglangArgs.of(request, PORT),
            List.of(new EnvVar("HF_HOME", CACHE_PATH, null)),
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
