package dev.modelfleet.ranker.placement;

import java.util.List;

/**
 * One replica of the plan.
 *
 * @param model the model
 * @param replica its number among the model's replicas in the plan, from 0, in plan order
 * @param node the node it runs on
 * @param hardwareProfile the node's profile
 * @param gpuIndices the node's GPUs it uses, ascending
 * @param vramPerGpuGiB VRAM it takes on each of those GPUs
 * @param diskGiB the model's cache disk on the node (counted once per node in the totals)
 * @param score the ranker's score of the model on this profile
 */
public record PlannedReplica(
    String model,
    int replica,
    String node,
    String hardwareProfile,
    List<Integer> gpuIndices,
    double vramPerGpuGiB,
    double diskGiB,
    double score) {

  /** Copies the GPU list. */
  public PlannedReplica {
    gpuIndices = List.copyOf(gpuIndices);
  }
}
