package dev.modelfleet.operator.pool.planning;

import java.util.List;

/**
 * GPU memory and model-cache disk one replica holds on one node. Every pool's claims are counted
 * before another pool is planned, so two pools never plan the same GPU memory or disk.
 *
 * @param pool the claiming pool, namespace/name
 * @param model the pool model
 * @param node the node
 * @param gpuIndices which of the node's GPUs (0-based, as the plan numbered them)
 * @param vramPerGpuGiB memory held on each of those GPUs
 * @param diskGiB model-cache disk the model takes on the node (counted once per model and node)
 */
public record Claim(
    String pool,
    String model,
    String node,
    List<Integer> gpuIndices,
    double vramPerGpuGiB,
    double diskGiB) {

  /** Copies the indices. */
  public Claim {
    gpuIndices = List.copyOf(gpuIndices);
  }
}
