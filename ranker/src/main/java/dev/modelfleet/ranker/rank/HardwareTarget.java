package dev.modelfleet.ranker.rank;

import dev.modelfleet.ranker.estimate.GpuTarget;
import java.util.Objects;

/**
 * The hardware a ranking is for: one kind of node, with {@code gpusPerNode} GPUs of one kind.
 *
 * @param name what to call it, e.g. the HardwareProfile's name
 * @param gpu the GPU kind
 * @param gpusPerNode GPUs one node offers to one model, at least 1
 */
public record HardwareTarget(String name, GpuTarget gpu, int gpusPerNode) {

  /** Rejects a target no model can be placed on. */
  public HardwareTarget {
    Objects.requireNonNull(gpu, "gpu");
    if (gpusPerNode < 1) {
      throw new IllegalArgumentException("GPUs per node must be at least 1, was " + gpusPerNode);
    }
    name = name == null || name.isBlank() ? gpu.name() : name.trim();
  }

  /** A node with {@code gpusPerNode} GPUs of one kind, named for the GPU. */
  public static HardwareTarget of(GpuTarget gpu, int gpusPerNode) {
    return new HardwareTarget(null, gpu, gpusPerNode);
  }

  /** The memory of the whole node, in GiB. */
  public double nodeMemoryGiB() {
    return gpu.memoryGiB() * gpusPerNode;
  }
}
