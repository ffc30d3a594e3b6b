package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import java.util.Locale;

/**
 * What makes two nodes the same class: vendor, product, MIG profile, resource, schedulable units
 * per node, memory per unit and sharing. One detected HardwareProfile exists per class.
 */
record HardwareClass(
    GpuVendor vendor,
    String baseProduct,
    String migProfile,
    String resourceName,
    int unitsPerNode,
    long memoryMiB,
    int sharedReplicas) {

  static HardwareClass of(NodeGpus gpus) {
    return new HardwareClass(
        gpus.vendor(),
        gpus.baseProduct(),
        gpus.migProfile(),
        gpus.resourceName(),
        gpus.capacity(),
        gpus.memoryMiB(),
        gpus.sharedReplicas());
  }

  /**
   * A readable DNS-1123 name, e.g. nvidia-h100-80gb-hbm3-x8 or nvidia-a100-sxm4-40gb-mig-1g.5gb-x7.
   */
  String profileName() {
    if (vendor == GpuVendor.NONE) {
      return "cpu-only";
    }
    StringBuilder name = new StringBuilder(vendor.name().toLowerCase(Locale.ROOT));
    String product = sanitize(baseProduct);
    if (!product.isEmpty() && !product.startsWith(name.toString())) {
      name.append('-').append(product);
    } else if (!product.isEmpty()) {
      name.setLength(0);
      name.append(product);
    }
    if (migProfile != null) {
      name.append("-mig-").append(sanitize(migProfile));
    }
    name.append("-x").append(unitsPerNode);
    if (sharedReplicas > 1) {
      name.append("-shared").append(sharedReplicas);
    }
    return name.toString();
  }

  /** The name with the memory appended, for two classes that differ only in memory. */
  String profileNameWithMemory() {
    return profileName() + "-" + memoryMiB + "mib";
  }

  private static String sanitize(String value) {
    if (value == null) {
      return "";
    }
    String lower = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    return lower.replaceAll("^[-.]+|[-.]+$", "").replaceAll("-{2,}", "-");
  }
}
