package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.gpu.GpuModel;

/**
 * One GPU an estimate is made for.
 *
 * @param name what to call it in explanations, e.g. "NVIDIA H100 SXM5 80GB"
 * @param memoryGiB memory one GPU offers to the engine, in GiB
 * @param bandwidthGBps peak memory bandwidth of one GPU, in GB/s (10^9 bytes per second)
 * @param fromCatalog whether the figures come from ModelFleet's sourced data rather than from the
 *     caller; estimates for other GPUs carry a lower confidence
 */
public record GpuTarget(String name, double memoryGiB, double bandwidthGBps, boolean fromCatalog) {

  /** Rejects figures no GPU has, so every estimate divides by something positive. */
  public GpuTarget {
    if (!(memoryGiB > 0) || !Double.isFinite(memoryGiB)) {
      throw new IllegalArgumentException("GPU memory must be a positive number of GiB");
    }
    if (!(bandwidthGBps > 0) || !Double.isFinite(bandwidthGBps)) {
      throw new IllegalArgumentException("GPU memory bandwidth must be a positive number of GB/s");
    }
    name = name == null || name.isBlank() ? "custom GPU" : name.trim();
  }

  /** The catalog's figures for a GPU product. */
  public static GpuTarget of(GpuModel gpu) {
    return new GpuTarget(gpu.name(), gpu.memoryGiB(), gpu.memoryBandwidthGBps(), true);
  }
}
