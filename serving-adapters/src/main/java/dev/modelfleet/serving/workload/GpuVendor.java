package dev.modelfleet.serving.workload;

import dev.modelfleet.serving.ServingRequest;

/** Whose GPUs a request runs on; it picks the image build (CUDA or ROCm) and the tolerations. */
public enum GpuVendor {
  /** nvidia.com/gpu and NVIDIA MIG profiles. */
  NVIDIA,
  /** amd.com/gpu. */
  AMD,
  /** No GPU: CPU-only nodes. */
  NONE;

  /** The vendor of the request's GPU resource. */
  public static GpuVendor of(ServingRequest request) {
    String resource = request.gpuResourceName();
    if (resource == null) {
      return NONE;
    }
    return resource.startsWith("amd.com/") ? AMD : NVIDIA;
  }
}
