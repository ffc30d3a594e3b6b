package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimal total value of a small request with no current replicas, by branch and bound: each
 * model in turn takes 0 to its wanted replicas, each replica on any node and set of GPUs that fits,
 * pruned by a fractional-knapsack bound on the VRAM left. Written independently of the solver, to
 * measure how far the solver is from the optimum.
 */
final class ExactSolver {
  private static final double EPS = 1e-9;

  private record Slot(int node, int[] gpus, PlacementOption option, double value) {}

  private record Item(int model, double value, double weight) {}

  private final List<PlacementCandidate> models;
  private final List<PlacementNode> nodes;
  private final List<List<Slot>> slots = new ArrayList<>();
  private final double[][] free;
  private final int[][] holders;
  private final double[] disk;
  private final int[][] cache;
  private final List<Item> itemsByDensity = new ArrayList<>();
  private double usableVram;
  private double best;
  private long visited;

  private ExactSolver(PlacementRequest request) {
    models = new ArrayList<>(request.candidates());
    models.sort(
        Comparator.comparingDouble(ExactSolver::bestValue)
            .reversed()
            .thenComparing(PlacementCandidate::model));
    nodes = request.nodes();
    free = new double[nodes.size()][];
    holders = new int[nodes.size()][];
    disk = new double[nodes.size()];
    cache = new int[nodes.size()][models.size()];
    for (int n = 0; n < nodes.size(); n++) {
      free[n] = nodes.get(n).freeVramGiBPerGpu().stream().mapToDouble(d -> d).toArray();
      holders[n] = new int[free[n].length];
      disk[n] = nodes.get(n).freeDiskGiB();
      usableVram += Arrays.stream(free[n]).sum();
    }
    for (int m = 0; m < models.size(); m++) {
      PlacementCandidate c = models.get(m);
      List<Slot> list = new ArrayList<>();
      double minWeight = Double.MAX_VALUE;
      for (PlacementOption o : c.options()) {
        minWeight = Math.min(minWeight, o.gpusPerReplica() * o.vramPerGpuGiB());
        for (int n = 0; n < nodes.size(); n++) {
          if (nodes.get(n).hardwareProfile().equals(o.hardwareProfile())) {
            for (int[] gpus : subsets(free[n].length, o.gpusPerReplica())) {
              list.add(new Slot(n, gpus, o, c.valueOf(o)));
            }
          }
        }
      }
      slots.add(list);
      if (!c.options().isEmpty()) {
        itemsByDensity.add(new Item(m, bestValue(c), minWeight));
      }
    }
    itemsByDensity.sort(
        Comparator.comparingDouble((Item i) -> i.value() / Math.max(i.weight(), EPS)).reversed());
  }

  /** The optimum, searched only above {@code atLeast} (a value known to be reachable). */
  static double optimum(PlacementRequest request, double atLeast) {
    ExactSolver solver = new ExactSolver(request);
    solver.best = atLeast;
    solver.search(0, 0, 0, 0);
    return solver.best;
  }

  private static double bestValue(PlacementCandidate c) {
    return c.options().stream().mapToDouble(c::valueOf).max().orElse(0);
  }

  private void search(int model, int replica, int minSlot, double value) {
    visited++;
    best = Math.max(best, value);
    if (model == models.size() || value + bound(model, replica) <= best + EPS) {
      return;
    }
    if (replica < models.get(model).replicas()) {
      List<Slot> list = slots.get(model);
      for (int s = minSlot; s < list.size(); s++) {
        Slot slot = list.get(s);
        if (fits(model, slot) && canonical(slot)) {
          apply(model, slot, 1);
          search(model, replica + 1, s, value + slot.value());
          apply(model, slot, -1);
        }
      }
    }
    search(model + 1, 0, 0, value);
  }

  /** Fractional knapsack over the replicas still to decide, by VRAM left anywhere. */
  private double bound(int model, int replica) {
    double capacity = usableVram;
    double bound = 0;
    for (Item item : itemsByDensity) {
      if (item.model() < model) {
        continue;
      }
      int copies = models.get(item.model()).replicas() - (item.model() == model ? replica : 0);
      for (int c = 0; c < copies; c++) {
        if (item.weight() <= capacity) {
          capacity -= item.weight();
          bound += item.value();
        } else {
          return bound + item.value() * capacity / item.weight();
        }
      }
    }
    return bound;
  }

  private boolean fits(int model, Slot slot) {
    int n = slot.node();
    if (cache[n][model] == 0 && disk[n] < slot.option().diskGiB() - EPS) {
      return false;
    }
    boolean shareable = nodes.get(n).gpusShareable();
    for (int g : slot.gpus()) {
      if (free[n][g] < slot.option().vramPerGpuGiB() - EPS || (!shareable && holders[n][g] > 0)) {
        return false;
      }
    }
    return true;
  }

  /** Skips GPU sets that only swap a GPU for an earlier one in the same state. */
  private boolean canonical(Slot slot) {
    int n = slot.node();
    for (int g : slot.gpus()) {
      for (int earlier = 0; earlier < g; earlier++) {
        if (Arrays.binarySearch(slot.gpus(), earlier) < 0
            && free[n][earlier] == free[n][g]
            && holders[n][earlier] == holders[n][g]) {
          return false;
        }
      }
    }
    return true;
  }

  private void apply(int model, Slot slot, int sign) {
    int n = slot.node();
    boolean shareable = nodes.get(n).gpusShareable();
    double vram = slot.option().vramPerGpuGiB();
    for (int g : slot.gpus()) {
      usableVram -= usable(n, g, shareable);
      free[n][g] -= sign * vram;
      holders[n][g] += sign;
      usableVram += usable(n, g, shareable);
    }
    if (sign > 0 && cache[n][model]++ == 0) {
      disk[n] -= slot.option().diskGiB();
    }
    if (sign < 0 && --cache[n][model] == 0) {
      disk[n] += slot.option().diskGiB();
    }
  }

  private double usable(int n, int g, boolean shareable) {
    return shareable || holders[n][g] == 0 ? Math.max(0, free[n][g]) : 0;
  }

  private static final Map<Long, List<int[]>> SUBSETS = new HashMap<>();

  private static synchronized List<int[]> subsets(int n, int k) {
    return SUBSETS.computeIfAbsent(((long) n << 32) | k, key -> enumerate(n, k));
  }

  private static List<int[]> enumerate(int n, int k) {
    List<int[]> out = new ArrayList<>();
    if (k <= n) {
      collect(n, k, 0, new int[k], 0, out);
    }
    return out;
  }

  private static void collect(int n, int k, int start, int[] chosen, int size, List<int[]> out) {
    if (size == k) {
      out.add(chosen.clone());
      return;
    }
    for (int g = start; g < n; g++) {
      chosen[size] = g;
      collect(n, k, g + 1, chosen, size + 1, out);
    }
  }
}
