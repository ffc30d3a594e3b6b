package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a plan against the budgets of its request, independently of the solver's code. */
final class PlanChecks {
  /** Rounding allowed when summing GiB. */
  static final double TOLERANCE_GIB = 1e-6;

  private PlanChecks() {}

  /** Every budget or rule the plan breaks, empty when none. */
  static List<String> violations(PlacementRequest request, PlacementPlan plan) {
    List<String> violations = new ArrayList<>();
    Map<String, PlacementNode> nodes = new HashMap<>();
    request.nodes().forEach(n -> nodes.put(n.name(), n));
    Map<String, PlacementCandidate> models = new HashMap<>();
    request.candidates().forEach(c -> models.put(c.model(), c));
    Map<String, double[]> used = new HashMap<>();
    Map<String, int[]> holders = new HashMap<>();
    Map<String, Set<String>> cached = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    double value = 0;
    for (PlannedReplica r : plan.replicas()) {
      PlacementNode node = nodes.get(r.node());
      PlacementCandidate model = models.get(r.model());
      PlacementOption option =
          model.options().stream()
              .filter(o -> o.hardwareProfile().equals(node.hardwareProfile()))
              .findFirst()
              .orElse(null);
      if (option == null) {
        violations.add(r + ": no option for the node's profile");
        continue;
      }
      value += model.valueOf(option);
      count.merge(r.model(), 1, Integer::sum);
      if (new HashSet<>(r.gpuIndices()).size() != option.gpusPerReplica()
          || r.gpuIndices().size() != option.gpusPerReplica()) {
        violations.add(r + ": wrong GPU count for " + option);
      }
      double[] u = used.computeIfAbsent(r.node(), k -> new double[node.freeVramGiBPerGpu().size()]);
      int[] h = holders.computeIfAbsent(r.node(), k -> new int[u.length]);
      for (int g : r.gpuIndices()) {
        if (g >= u.length) {
          violations.add(r + ": GPU " + g + " does not exist");
          continue;
        }
        u[g] += option.vramPerGpuGiB();
        h[g]++;
      }
      cached.computeIfAbsent(r.node(), k -> new HashSet<>()).add(r.model());
    }
    used.forEach(
        (name, u) -> {
          PlacementNode node = nodes.get(name);
          for (int g = 0; g < u.length; g++) {
            if (u[g] > node.freeVramGiBPerGpu().get(g) + TOLERANCE_GIB) {
              violations.add(name + " GPU " + g + " over VRAM: " + u[g]);
            }
            if (!node.gpusShareable() && holders.get(name)[g] > 1) {
              violations.add(name + " GPU " + g + " is whole-GPU but shared");
            }
          }
        });
    cached.forEach(
        (name, set) -> {
          PlacementNode node = nodes.get(name);
          double disk = 0;
          for (String m : set) {
            disk +=
                models.get(m).options().stream()
                    .filter(o -> o.hardwareProfile().equals(node.hardwareProfile()))
                    .findFirst()
                    .orElseThrow()
                    .diskGiB();
          }
          if (disk > node.freeDiskGiB() + TOLERANCE_GIB) {
            violations.add(name + " over disk: " + disk);
          }
        });
    count.forEach(
        (m, n) -> {
          if (n > models.get(m).replicas()) {
            violations.add(m + " has " + n + " replicas, wants " + models.get(m).replicas());
          }
        });
    if (Math.abs(value - plan.totals().totalValue()) > TOLERANCE_GIB) {
      violations.add("total value " + plan.totals().totalValue() + " but replicas sum to " + value);
    }
    return violations;
  }
}
