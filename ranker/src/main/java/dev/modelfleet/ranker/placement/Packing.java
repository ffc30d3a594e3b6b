package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A placement being built: what is left on every GPU and node, which replicas are where, and why
 * any current replica left its place. Placing and removing are exact inverses, so a trial move can
 * be undone; {@link #copy} gives an independent packing to try another order on.
 */
final class Packing {
  final Instance instance;
  private final double[][] free;
  private final int[][] holders;
  private final double[] disk;
  private final List<List<Placed>> byNode;
  private final int[] count;

  /** Per model, the nodes holding at least one of its replicas (and so its cache). */
  private final BitSet[] nodesOf;

  /** Per node, the {@link #clock} at its last change. */
  private final long[] version;

  /** Per profile, the {@link #clock} at the last change to one of its nodes. */
  private final long[] profileVersion;

  /** Counts changes to the packing. */
  private long clock;

  /** Per node, the most VRAM free on a GPU that may take another replica: a quick reject. */
  private final double[] roomiest;

  private final TreeMap<Integer, EvictionCause> causes;
  private double value;
  private long sequence;

  /** An empty packing: every node as free as the request says. */
  Packing(Instance instance) {
    this.instance = instance;
    Node[] nodes = instance.nodes;
    free = new double[nodes.length][];
    holders = new int[nodes.length][];
    disk = new double[nodes.length];
    byNode = new ArrayList<>(nodes.length);
    for (Node n : nodes) {
      free[n.index()] = n.free().clone();
      holders[n.index()] = new int[n.free().length];
      disk[n.index()] = n.disk();
      byNode.add(new ArrayList<>());
    }
    count = new int[instance.models.length];
    nodesOf = new BitSet[instance.models.length];
    for (int m = 0; m < nodesOf.length; m++) {
      nodesOf[m] = new BitSet(nodes.length);
    }
    causes = new TreeMap<>();
    roomiest = new double[nodes.length];
    version = new long[nodes.length];
    profileVersion = new long[instance.profiles.length];
    for (Node n : nodes) {
      updateRoomiest(n.index());
    }
  }

  private Packing(Packing other) {
    instance = other.instance;
    int nodes = other.free.length;
    free = new double[nodes][];
    holders = new int[nodes][];
    byNode = new ArrayList<>(nodes);
    for (int n = 0; n < nodes; n++) {
      free[n] = other.free[n].clone();
      holders[n] = other.holders[n].clone();
      byNode.add(new ArrayList<>(other.byNode.get(n)));
    }
    disk = other.disk.clone();
    count = other.count.clone();
    nodesOf = new BitSet[other.nodesOf.length];
    for (int m = 0; m < nodesOf.length; m++) {
      nodesOf[m] = (BitSet) other.nodesOf[m].clone();
    }
    roomiest = other.roomiest.clone();
    version = other.version.clone();
    profileVersion = other.profileVersion.clone();
    clock = other.clock;
    causes = new TreeMap<>(other.causes);
    value = other.value;
    sequence = other.sequence;
  }

  /** An independent copy. */
  Packing copy() {
    return new Packing(this);
  }

  /** The total value of the replicas placed. */
  double value() {
    return value;
  }

  /** Replicas placed in all. */
  int count() {
    return Arrays.stream(count).sum();
  }

  /** Replicas of {@code model} placed. */
  int count(int model) {
    return count[model];
  }

  /** Whether {@code model} still wants a replica. */
  boolean wantsMore(int model) {
    return count[model] < instance.models[model].wanted();
  }

  /** The replicas on {@code node}, in placing order; do not modify. */
  List<Placed> on(int node) {
    return byNode.get(node);
  }

  /** Every replica placed, by node then placing order. */
  List<Placed> all() {
    List<Placed> all = new ArrayList<>();
    byNode.forEach(all::addAll);
    return all;
  }

  double[] free(int node) {
    return free[node];
  }

  int[] holders(int node) {
    return holders[node];
  }

  double disk(int node) {
    return disk[node];
  }

  /** Whether some replica of {@code model} is on {@code node}, so its cache disk is paid there. */
  boolean hasModel(int node, int model) {
    return nodesOf[model].get(node);
  }

  private boolean scanForModel(int node, int model) {
    for (Placed p : byNode.get(node)) {
      if (p.model() == model) {
        return true;
      }
    }
    return false;
  }

  /** The disk {@code model} would add on {@code node}: none when it is there already. */
  double diskToAdd(int node, int model, Option option) {
    return hasModel(node, model) ? 0 : option.disk();
  }

  /**
   * Fills {@code out} with GPUs of {@code node} that take a replica of {@code model} with {@code
   * option}, disk included, and returns the VRAM left over on them, or {@link GpuPicker#NO_FIT}.
   */
  double fit(int node, int model, Option option, int[] out) {
    return fit(node, model, option, out, Double.POSITIVE_INFINITY);
  }

  /** {@link #fit}, giving up when the fit cannot waste less than {@code cutoff}. */
  double fit(int node, int model, Option option, int[] out, double cutoff) {
    if (roomiest[node] < option.vram() - GpuPicker.EPSILON_GIB
        || (disk[node] < option.disk() - GpuPicker.EPSILON_GIB && !hasModel(node, model))) {
      return GpuPicker.NO_FIT;
    }
    return GpuPicker.pick(
        free[node],
        holders[node],
        free[node].length,
        instance.nodes[node].shareable(),
        option.gpus(),
        option.vram(),
        out,
        cutoff);
  }

  /** Like {@link #fit} but takes the lowest-indexed GPUs that hold it: first fit. */
  boolean firstFit(int node, int model, Option option, int[] out) {
    if (roomiest[node] < option.vram() - GpuPicker.EPSILON_GIB
        || (disk[node] < option.disk() - GpuPicker.EPSILON_GIB && !hasModel(node, model))) {
      return false;
    }
    boolean shareable = instance.nodes[node].shareable();
    int found = 0;
    for (int g = 0; g < free[node].length && found < option.gpus(); g++) {
      if (GpuPicker.fits(free[node][g], holders[node][g], shareable, option.vram())) {
        out[found++] = g;
      }
    }
    return found == option.gpus();
  }

  /** Places a new replica without checking budgets; callers check with {@link #fit} first. */
  Placed place(int model, int node, int[] gpus, Option option) {
    return place(model, node, gpus, option, -1);
  }

  /** Places a replica descending from current replica {@code origin} (or -1) at a new place. */
  Placed place(int model, int node, int[] gpus, Option option, int origin) {
    Placed placed = new Placed(model, node, gpus, option, origin, false);
    restore(placed);
    return placed;
  }

  /** Puts back a replica removed before, at the same place. */
  void restore(Placed placed) {
    int node = placed.node();
    Option option = placed.option();
    if (!hasModel(node, placed.model())) {
      disk[node] -= option.disk();
      nodesOf[placed.model()].set(node);
    }
    for (int g : placed.gpus()) {
      free[node][g] -= option.vram();
      holders[node][g]++;
    }
    byNode.get(node).add(placed);
    updateRoomiest(node);
    count[placed.model()]++;
    value += option.value();
  }

  /** Removes a replica placed before. */
  void remove(Placed placed) {
    int node = placed.node();
    List<Placed> list = byNode.get(node);
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i) == placed) {
        list.remove(i);
        break;
      }
    }
    for (int g : placed.gpus()) {
      free[node][g] += placed.option().vram();
      holders[node][g]--;
    }
    if (!scanForModel(node, placed.model())) {
      disk[node] += placed.option().disk();
      nodesOf[placed.model()].clear(node);
    }
    updateRoomiest(node);
    count[placed.model()]--;
    value -= placed.value();
  }

  /** The count of changes so far. */
  long clock() {
    return clock;
  }

  /** The {@link #clock} when {@code node} last changed. */
  long version(int node) {
    return version[node];
  }

  /**
   * Whether a node of a profile where {@code model} has an option worth more than {@code minValue}
   * changed after {@code since}: if not, a slot search that failed then fails again.
   */
  boolean changedSince(int model, double minValue, long since) {
    for (Option option : instance.models[model].byValue()) {
      if (option.value() <= minValue) {
        break;
      }
      if (profileVersion[option.profile()] > since) {
        return true;
      }
    }
    return false;
  }

  private void updateRoomiest(int node) {
    version[node] = ++clock;
    profileVersion[instance.nodes[node].profile()] = clock;
    boolean shareable = instance.nodes[node].shareable();
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < free[node].length; g++) {
      if (shareable || holders[node][g] == 0) {
        max = Math.max(max, free[node][g]);
      }
    }
    roomiest[node] = max;
  }

  /** Records why a replica descending from a current one was taken out. */
  void recordCause(
      Placed victim, Model other, double otherValue, boolean displaced, String budget) {
    Model model = instance.models[victim.model()];
    causes.put(
        victim.origin(),
        new EvictionCause(
            victim.origin(),
            model,
            victim.value(),
            other,
            otherValue,
            displaced,
            budget,
            sequence++));
  }

  /** The causes recorded, by current replica id. */
  Collection<EvictionCause> causes() {
    return causes.values();
  }
}
