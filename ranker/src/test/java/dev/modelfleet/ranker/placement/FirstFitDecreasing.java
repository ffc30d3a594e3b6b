package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: first-fit decreasing. Pinned models' replicas first (a plan must place them first),
 * then replicas largest first (GPUs x VRAM of their best option), each on the first node by name,
 * and the first GPUs by index, that take it, trying the model's options best value first; no
 * current placement, no eviction, no improvement. Returns the total value it places. Public for the
 * benchmarks project, which compares the solver with it from the ranker's test jar.
 */
public final class FirstFitDecreasing {
  private FirstFitDecreasing() {}

  private record Replica(int model, boolean pinned, double size) {}

  public static double value(PlacementRequest request) {
    List<PlacementNode> nodes = new ArrayList<>(request.nodes());
    nodes.sort(Comparator.comparing(PlacementNode::name));
    Map<String, List<Integer>> byProfile = new HashMap<>();
    double[][] free = new double[nodes.size()][];
    int[][] holders = new int[nodes.size()][];
    double[] disk = new double[nodes.size()];
    for (int n = 0; n < nodes.size(); n++) {
      PlacementNode node = nodes.get(n);
      byProfile.computeIfAbsent(node.hardwareProfile(), p -> new ArrayList<>()).add(n);
      free[n] = node.freeVramGiBPerGpu().stream().mapToDouble(d -> d).toArray();
      holders[n] = new int[free[n].length];
      disk[n] = node.freeDiskGiB();
    }
    List<PlacementCandidate> models = request.candidates();
    boolean[][] cached = new boolean[nodes.size()][models.size()];
    List<List<PlacementOption>> options = new ArrayList<>();
    List<Replica> replicas = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      PlacementCandidate c = models.get(m);
      List<PlacementOption> byValue = new ArrayList<>(c.options());
      byValue.sort(
          Comparator.comparingDouble(c::valueOf)
              .reversed()
              .thenComparing(PlacementOption::hardwareProfile));
      options.add(byValue);
      if (!byValue.isEmpty()) {
        double size = byValue.get(0).gpusPerReplica() * byValue.get(0).vramPerGpuGiB();
        for (int r = 0; r < c.replicas(); r++) {
          replicas.add(new Replica(m, c.pinned(), size));
        }
      }
    }
    replicas.sort(
        Comparator.comparing((Replica r) -> !r.pinned())
            .thenComparing(Comparator.comparingDouble(Replica::size).reversed())
            .thenComparing(r -> models.get(r.model()).model()));
    double value = 0;
    int[] gpus = new int[64];
    for (Replica r : replicas) {
      placing:
      for (PlacementOption o : options.get(r.model())) {
        for (int n : byProfile.getOrDefault(o.hardwareProfile(), List.of())) {
          boolean hasCache = cached[n][r.model()];
          if (!hasCache && disk[n] < o.diskGiB()) {
            continue;
          }
          boolean shareable = nodes.get(n).gpusShareable();
          int found = 0;
          for (int g = 0; g < free[n].length && found < o.gpusPerReplica(); g++) {
            if (free[n][g] >= o.vramPerGpuGiB() && (shareable || holders[n][g] == 0)) {
              gpus[found++] = g;
            }
          }
          if (found < o.gpusPerReplica()) {
            continue;
          }
          for (int i = 0; i < found; i++) {
            free[n][gpus[i]] -= o.vramPerGpuGiB();
            holders[n][gpus[i]]++;
          }
          if (!hasCache) {
            disk[n] -= o.diskGiB();
            cached[n][r.model()] = true;
          }
          value += models.get(r.model()).valueOf(o);
          break placing;
        }
      }
    }
    return value;
  }
}
