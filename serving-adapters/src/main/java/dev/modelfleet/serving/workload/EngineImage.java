package dev.modelfleet.serving.workload;

import dev.modelfleet.serving.ServingRequest;

/**
 * An engine's pinned default images, one per GPU vendor; a request's own image wins.
 *
 * @param nvidia the CUDA build; also used on CPU-only nodes when {@code cpu} is null
 * @param amd the ROCm build
 * @param cpu the build for CPU-only nodes, or null when the engine has none here
 */
public record EngineImage(String nvidia, String amd, String cpu) {

  /** The image for the request: its override, else the pinned build for its GPU vendor. */
  public String imageFor(ServingRequest request) {
    if (request.image() != null) {
      return request.image();
    }
    return switch (GpuVendor.of(request)) {
      case NVIDIA -> nvidia;
      case AMD -> amd;
      case NONE -> cpu;
    };
  }
}
