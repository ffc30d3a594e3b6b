package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import java.util.Map;

/**
 * One kind of schedulable GPU on one node, as its labels and capacity say: whole GPUs, MIG slices
 * of one profile, time-sliced replicas, or nothing (a CPU-only node).
 *
 * @param vendor who made the GPU, {@code NONE} for CPU-only nodes
 * @param baseProduct the product without MIG or sharing suffixes, e.g. {@code Tesla-T4}
 * @param resourceName the extended resource to request, e.g. {@code nvidia.com/mig-1g.5gb}
 * @param capacity schedulable units in node capacity
 * @param allocatable schedulable units in node allocatable
 * @param memoryMiB memory of one unit (one GPU or one slice) in MiB, 0 when no label says it
 * @param sharedReplicas time-slicing replicas per physical GPU, 1 when not shared
 * @param deviceId PCI device id where the labeller gives one (AMD), for catalog lookup
 * @param selector node labels that identify this kind of node
 */
public record NodeGpus(
    GpuVendor vendor,
    String baseProduct,
    String family,
    String computeCapability,
    String migProfile,
    String resourceName,
    int capacity,
    int allocatable,
    long memoryMiB,
    int sharedReplicas,
    String deviceId,
    Map<String, String> selector) {

  /** A CPU-only node. */
  static NodeGpus cpuOnly(Map<String, String> selector) {
    return new NodeGpus(GpuVendor.NONE, null, null, null, null, null, 0, 0, 0, 1, null, selector);
  }

  /** Physical GPUs (or slices) behind the schedulable units: replicas share one device. */
  public int physicalUnits() {
    return capacity / Math.max(1, sharedReplicas);
  }
}
