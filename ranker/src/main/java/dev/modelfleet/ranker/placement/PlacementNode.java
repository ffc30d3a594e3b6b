package dev.modelfleet.ranker.placement;

import java.util.List;

/**
 * A node: its profile, the VRAM still free on each of its GPUs for this pool, whether a GPU may
 * hold replicas of several models, and the model-cache disk still free for this pool.
 *
 * <p>"Free" is before this pool's own replicas: the caller applies the pool's VRAM fraction and
 * subtracts other pools' claims, and the solver subtracts this pool's current and planned replicas.
 *
 * @param name the node's name, unique
 * @param hardwareProfile the profile the node belongs to
 * @param freeVramGiBPerGpu VRAM free for this pool on each GPU, by GPU index
 * @param gpusShareable false for whole-GPU scheduling: a GPU that holds a replica is then full
 * @param freeDiskGiB model-cache disk free for this pool
 */
public record PlacementNode(
    String name,
    String hardwareProfile,
    List<Double> freeVramGiBPerGpu,
    boolean gpusShareable,
    double freeDiskGiB) {

  /** Copies the GPU list. */
  public PlacementNode {
    freeVramGiBPerGpu = Lists.copyKeepingNulls(freeVramGiBPerGpu);
  }
}
