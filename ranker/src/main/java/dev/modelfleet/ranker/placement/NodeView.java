package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * One node's budgets as they would be with some of its replicas taken out: a scratch copy for
 * trying ejections without touching the packing. Reused across nodes to avoid allocation.
 */
final class NodeView {
  private final double[] free;
  private final int[] holders;
  private final List<Placed> replicas = new ArrayList<>();
  private boolean[] out = new boolean[0];
  private int gpus;
  private boolean shareable;
  private double disk;

  NodeView(int maxGpus) {
    free = new double[maxGpus];
    holders = new int[maxGpus];
  }

  /** Loads {@code node} as it is in {@code packing}, every replica in. */
  void load(Packing packing, int node) {
    gpus = packing.free(node).length;
    System.arraycopy(packing.free(node), 0, free, 0, gpus);
    System.arraycopy(packing.holders(node), 0, holders, 0, gpus);
    shareable = packing.instance.nodes[node].shareable();
    disk = packing.disk(node);
    replicas.clear();
    replicas.addAll(packing.on(node));
    if (out.length < replicas.size()) {
      out = new boolean[Math.max(replicas.size(), 2 * out.length)];
    }
    java.util.Arrays.fill(out, 0, replicas.size(), false);
  }

  /** The replicas of the node, by position. */
  List<Placed> replicas() {
    return replicas;
  }

  /** Takes replica {@code i} out. */
  void take(int i) {
    Placed p = replicas.get(i);
    out[i] = true;
    for (int g : p.gpus()) {
      free[g] += p.option().vram();
      holders[g]--;
    }
    if (!holdsModel(p.model())) {
      disk += p.option().disk();
    }
  }

  /** Puts replica {@code i} back. */
  void putBack(int i) {
    Placed p = replicas.get(i);
    if (!holdsModel(p.model())) {
      disk -= p.option().disk();
    }
    out[i] = false;
    for (int g : p.gpus()) {
      free[g] -= p.option().vram();
      holders[g]++;
    }
  }

  /** Whether a replica of {@code model} with {@code option} fits now; fills {@code scratch}. */
  boolean fits(int model, Option option, int[] scratch) {
    double need = holdsModel(model) ? 0 : option.disk();
    return disk >= need - GpuPicker.EPSILON_GIB
        && GpuPicker.pick(
                free,
                holders,
                gpus,
                shareable,
                option.gpus(),
                option.vram(),
                scratch,
                Double.POSITIVE_INFINITY)
            != GpuPicker.NO_FIT;
  }

  private boolean holdsModel(int model) {
    for (int i = 0; i < replicas.size(); i++) {
      if (!out[i] && replicas.get(i).model() == model) {
        return true;
      }
    }
    return false;
  }
}
