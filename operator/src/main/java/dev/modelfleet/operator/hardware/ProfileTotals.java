package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareTotals;
import java.util.List;

/** Adds up the schedulable GPUs and memory of a profile's nodes. */
final class ProfileTotals {
  private ProfileTotals() {}

  /**
   * @param memoryGiBPerUnit memory of one GPU or slice; replicas of one shared GPU count once
   */
  static HardwareTotals of(List<NodeGpus> gpus, double memoryGiBPerUnit) {
    int capacity = gpus.stream().mapToInt(NodeGpus::capacity).sum();
    int allocatable = gpus.stream().mapToInt(NodeGpus::allocatable).sum();
    int physical = gpus.stream().mapToInt(NodeGpus::physicalUnits).sum();
    double vram = Math.round(physical * memoryGiBPerUnit * 100.0) / 100.0;
    return new HardwareTotals(capacity, allocatable, vram);
  }

  static String describe(int nodeCount, HardwareTotals totals) {
    return nodeCount
        + (nodeCount == 1 ? " node, " : " nodes, ")
        + totals.getGpus()
        + " GPUs ("
        + totals.getAllocatableGpus()
        + " allocatable), "
        + totals.getVramGiB()
        + " GiB of GPU memory";
  }
}
