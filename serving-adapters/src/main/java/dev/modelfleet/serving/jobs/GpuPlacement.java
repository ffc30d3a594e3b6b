package dev.modelfleet.serving.jobs;

import java.util.Map;

/**
 * Where a run's Pod goes when it asks for GPUs: the extended resource to request and the nodes to
 * run on (a HardwareProfile's node selector), resolved by the operator.
 *
 * @param resourceName e.g. nvidia.com/gpu or amd.com/gpu
 * @param nodeSelector labels the node must carry; empty lets the scheduler pick any node with the
 *     resource
 */
public record GpuPlacement(String resourceName, Map<String, String> nodeSelector) {
  /** NVIDIA's device plugin resource, the common case when nothing names another. */
  public static final String NVIDIA_GPU = "nvidia.com/gpu";

  /** Copies the selector. */
  public GpuPlacement {
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
  }

  /** Any node offering the resource. */
  public static GpuPlacement anyNodeWith(String resourceName) {
    return new GpuPlacement(resourceName, Map.of());
  }
}
