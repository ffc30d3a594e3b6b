package dev.modelfleet.ranker.gpu;

import java.util.List;

/**
 * One GPU product as the catalog knows it.
 *
 * @param name canonical product name, e.g. "NVIDIA H100 SXM5 80GB"
 * @param vendor "nvidia" or "amd"
 * @param family architecture family as GPU Feature Discovery names it (hopper, ampere, ...) or the
 *     AMD architecture (cdna2, cdna3)
 * @param memoryGiB memory of one schedulable device as the vendor states it in GB, used as GiB
 * @param memoryBandwidthGBps peak memory bandwidth of one schedulable device in GB/s
 * @param computeCapability CUDA compute capability such as "9.0"; null for AMD
 * @param labelProducts product strings node labellers write (nvidia.com/gpu.product,
 *     amd.com/gpu.product-name)
 * @param deviceIds PCI device ids as amd.com/gpu.device-id writes them (lower-case hex)
 * @param source public URL of the vendor page the numbers come from
 * @param note where exactly in the source the numbers are, and any caveat
 * @param boostClockMHz the vendor's boost (peak engine) clock in MHz, from {@code clockSource}; 0
 *     when the catalog does not state one
 * @param clockSource public URL the boost clock comes from; null when no clock is stated
 */
public record GpuModel(
    String name,
    String vendor,
    String family,
    double memoryGiB,
    double memoryBandwidthGBps,
    String computeCapability,
    List<String> labelProducts,
    List<String> deviceIds,
    String source,
    String note,
    double boostClockMHz,
    String clockSource) {

  /** Copies the lists so a model stays immutable; absent lists become empty. */
  public GpuModel {
    labelProducts = labelProducts == null ? List.of() : List.copyOf(labelProducts);
    deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
  }
}
