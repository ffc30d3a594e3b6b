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
 * @param clockMHz the vendor's boost clock in MHz, which sets how long the small kernels of a
 *     decode step take; 0 when unknown, and the estimate then assumes the clock its per-layer time
 *     was measured at
 */
public record GpuTarget(
    String name, double memoryGiB, double bandwidthGBps, boolean fromCatalog, double clockMHz) {

  /** Rejects figures no GPU has, so every estimate divides by something positive. */
  public GpuTarget {
    if (!(memoryGiB > 0) || !Double.isFinite(memoryGiB)) {
      throw new IllegalArgumentException("GPU memory must be a positive number of GiB");
    }
    if (!(bandwidthGBps > 0) || !Double.isFinite(bandwidthGBps)) {
      throw new IllegalArgumentException("GPU memory bandwidth must be a positive number of GB/s");
    }
    if (!(clockMHz >= 0) || !Double.isFinite(clockMHz)) {
      throw new IllegalArgumentException(
          "GPU clock must be a positive number of MHz, or 0 if unknown");
    }
    name = name == null || name.isBlank() ? "custom GPU" : name.trim();
  }

  /** A GPU whose clock is not known. */
  public GpuTarget(String name, double memoryGiB, double bandwidthGBps, boolean fromCatalog) {
    this(name, memoryGiB, bandwidthGBps, fromCatalog, 0);
  }

  /** The catalog's figures for a GPU product. */
  public static GpuTarget of(GpuModel gpu) {
    return new GpuTarget(
        gpu.name(), gpu.memoryGiB(), gpu.memoryBandwidthGBps(), true, gpu.boostClockMHz());
  }
}
