package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.gpu.GpuModel;
import java.util.Optional;

/**
 * A class's GPU facts with the catalog filled in: memory from the node label when present (it is
 * what the driver reports), bandwidth from the catalog, a MIG slice getting its share of it.
 */
record ResolvedGpu(
    GpuSpec spec, Optional<GpuModel> catalogEntry, Optional<ProfileWarning> warning) {
  private static final double MIB_PER_GIB = 1024.0;

  static ResolvedGpu of(HardwareClass hw, NodeGpus sample, GpuCatalog catalog) {
    String family = sample.family();
    String computeCapability = sample.computeCapability();
    GpuSpec spec = new GpuSpec();
    spec.setVendor(hw.vendor());
    spec.setCountPerNode(hw.unitsPerNode());
    if (hw.vendor() == GpuVendor.NONE) {
      return new ResolvedGpu(spec, Optional.empty(), Optional.empty());
    }
    Optional<GpuModel> entry =
        catalog
            .lookup(hw.baseProduct())
            .or(() -> Optional.ofNullable(sample.deviceId()).flatMap(catalog::lookup));
    spec.setProduct(isBlank(hw.baseProduct()) ? null : hw.baseProduct());
    spec.setResourceName(hw.resourceName());
    spec.setFamily(family != null ? family : entry.map(GpuModel::family).orElse(null));
    spec.setComputeCapability(
        computeCapability != null
            ? computeCapability
            : entry.map(GpuModel::computeCapability).orElse(null));
    spec.setMigProfile(hw.migProfile());
    spec.setSharedReplicas(hw.sharedReplicas());
    double memoryGiB =
        hw.memoryMiB() > 0
            ? round(hw.memoryMiB() / MIB_PER_GIB)
            : hw.migProfile() == null ? entry.map(GpuModel::memoryGiB).orElse(0.0) : 0.0;
    if (memoryGiB > 0) {
      spec.setMemoryGiB(memoryGiB);
    }
    double share = hw.migProfile() == null ? 1.0 : sliceShare(memoryGiB, entry);
    entry.ifPresent(gpu -> spec.setMemoryBandwidthGBps(round(gpu.memoryBandwidthGBps() * share)));
    return new ResolvedGpu(spec, entry, warning(hw, entry, memoryGiB));
  }

  /**
   * A MIG slice owns a fixed share of the GPU's memory slices and with them the same share of
   * memory bandwidth (NVIDIA MIG user guide, "Supported MIG Profiles"). Only for MIG: a whole GPU's
   * labelled memory is a little under the marketed figure, and it keeps all its bandwidth.
   */
  private static double sliceShare(double memoryGiB, Optional<GpuModel> gpu) {
    if (gpu.isEmpty() || memoryGiB <= 0 || memoryGiB >= gpu.get().memoryGiB()) {
      return 1.0;
    }
    return memoryGiB / gpu.get().memoryGiB();
  }

  private static Optional<ProfileWarning> warning(
      HardwareClass hw, Optional<GpuModel> entry, double memoryGiB) {
    if (isBlank(hw.baseProduct())) {
      return Optional.of(
          new ProfileWarning(
              ProfileWarning.NO_PRODUCT_LABEL,
              "These nodes advertise "
                  + hw.resourceName()
                  + " but no label names the GPU product. Check that GPU Feature Discovery (or"
                  + " AMD's node labeller) runs on them, or write a HardwareProfile override with"
                  + " spec.gpu.product, spec.gpu.memoryGiB and spec.gpu.memoryBandwidthGBps."));
    }
    if (entry.isEmpty()) {
      return Optional.of(
          new ProfileWarning(
              ProfileWarning.UNKNOWN_GPU,
              "GPU product '"
                  + hw.baseProduct()
                  + "' is not in the GPU catalog, so its memory bandwidth is unknown"
                  + (memoryGiB > 0 ? "" : " and no label gives its memory")
                  + ". Write a HardwareProfile override with spec.gpu.memoryBandwidthGBps and"
                  + " spec.gpu.memoryGiB for these nodes, or add the product to the GPU"
                  + " catalog."));
    }
    if (memoryGiB <= 0) {
      return Optional.of(
          new ProfileWarning(
              ProfileWarning.NO_MEMORY_LABEL,
              "No node label gives the memory of '"
                  + hw.baseProduct()
                  + (hw.migProfile() != null ? " MIG " + hw.migProfile() : "")
                  + "'. Check that GPU Feature Discovery runs on these nodes, or write an"
                  + " override with spec.gpu.memoryGiB."));
    }
    return Optional.empty();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
