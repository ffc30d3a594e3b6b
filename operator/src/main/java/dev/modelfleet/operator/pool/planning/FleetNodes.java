package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.ranker.placement.PlacementNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes a pool may place on, with what is still free for it: each GPU's memory (the pool's
 * share of it, less what other pools hold) and the model-cache disk (the pool's budget, and the
 * node's disk less what other pools hold).
 */
final class FleetNodes {
  /** Disk stands for "no limit" when neither the pool nor the profile sets one. */
  static final double UNLIMITED_DISK_GIB = 1e9;

  /**
   * A node in several profiles (MIG "mixed": slices of different sizes) is planned as one node per
   * profile, named node@profile, each with its own GPUs; this separates the two parts.
   */
  static final String SLICE_SEPARATOR = "@";

  private FleetNodes() {}

  /** The Kubernetes node a planned node name stands for. */
  static String kubernetesNode(String plannedNode) {
    int at = plannedNode.indexOf(SLICE_SEPARATOR);
    return at < 0 ? plannedNode : plannedNode.substring(0, at);
  }

  /**
   * @param profiles the profiles the pool may use
   * @param liveNodes nodes that exist now; null to trust the profiles' node lists
   * @param others claims of the other pools
   * @param poolDiskGiBPerNode the pool's disk budget per node, or null for the profile's
   */
  static List<PlacementNode> build(
      Collection<ProfileHardware> profiles,
      Set<String> liveNodes,
      Collection<Claim> others,
      Double poolDiskGiBPerNode) {
    Map<String, List<Claim>> byNode = new HashMap<>();
    others.forEach(c -> byNode.computeIfAbsent(c.node(), n -> new ArrayList<>()).add(c));
    Map<String, Integer> profilesPerNode = new HashMap<>();
    profiles.forEach(p -> p.nodes().forEach(n -> profilesPerNode.merge(n, 1, Integer::sum)));
    List<PlacementNode> nodes = new ArrayList<>();
    for (ProfileHardware profile : profiles) {
      for (String node : profile.nodes()) {
        if (liveNodes != null && !liveNodes.contains(node)) {
          continue;
        }
        String name =
            profilesPerNode.get(node) > 1 ? node + SLICE_SEPARATOR + profile.name() : node;
        List<Claim> held = byNode.getOrDefault(name, List.of());
        nodes.add(
            new PlacementNode(
                name,
                profile.name(),
                freeVram(profile, held),
                profile.shareable(),
                freeDisk(profile, held, poolDiskGiBPerNode)));
      }
    }
    return nodes;
  }

  private static List<Double> freeVram(ProfileHardware profile, List<Claim> held) {
    double usable = profile.target().gpu().memoryGiB();
    double[] free = new double[profile.gpusPerNode()];
    java.util.Arrays.fill(free, usable);
    for (Claim claim : held) {
      for (int index : claim.gpuIndices()) {
        if (index >= 0 && index < free.length) {
          free[index] = profile.shareable() ? Math.max(0, free[index] - claim.vramPerGpuGiB()) : 0;
        }
      }
    }
    List<Double> out = new ArrayList<>(free.length);
    for (double f : free) {
      out.add(f);
    }
    return out;
  }

  private static double freeDisk(ProfileHardware profile, List<Claim> held, Double poolBudget) {
    double heldByOthers = 0;
    Set<String> counted = new java.util.HashSet<>();
    for (Claim claim : held) {
      if (counted.add(claim.pool() + "/" + claim.model())) {
        heldByOthers += claim.diskGiB();
      }
    }
    double nodeFree =
        profile.diskGiBPerNode() == null
            ? UNLIMITED_DISK_GIB
            : Math.max(0, profile.diskGiBPerNode() - heldByOthers);
    return poolBudget == null ? nodeFree : Math.min(poolBudget, nodeFree);
  }
}
