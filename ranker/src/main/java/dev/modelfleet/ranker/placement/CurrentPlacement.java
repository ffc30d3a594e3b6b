package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The packing that keeps the current placement. A current replica is valid when its model still has
 * an option for its node's profile with as many GPUs as it uses, and its GPUs still exist; a model
 * with more valid replicas than it wants keeps its most valuable ones. Valid replicas that no
 * longer fit together (another pool claimed VRAM, the disk budget shrank, two replicas share a
 * whole-GPU) are evicted in eviction order, resource by resource; pinned replicas never are, and
 * when pinned replicas alone overflow a budget the last of them in keep order is not valid.
 */
final class CurrentPlacement {
  /** The packing of the valid current replicas that fit, with the causes of those evicted. */
  final Packing packing;

  /** Per model, its valid current replicas: what evictions are counted against. */
  final int[] validCurrent;

  private final Instance instance;
  private final Comparator<Placed> evictionOrder;

  private CurrentPlacement(Instance instance) {
    this.instance = instance;
    this.packing = new Packing(instance);
    this.validCurrent = new int[instance.models.length];
    this.evictionOrder = EvictionOrder.of(instance);
  }

  static CurrentPlacement of(Instance instance) {
    CurrentPlacement current = new CurrentPlacement(instance);
    current.placeValid();
    for (Node node : instance.nodes) {
      current.resolveGpus(node);
      current.resolveDisk(node);
    }
    return current;
  }

  private void placeValid() {
    List<Placed> valid = new ArrayList<>();
    for (Current c : instance.current) {
      Node node = instance.nodes[c.node()];
      Option option = instance.models[c.model()].byProfile()[node.profile()];
      if (option != null
          && option.gpus() == c.gpus().length
          && c.gpus()[c.gpus().length - 1] < node.free().length) {
        valid.add(new Placed(c.model(), c.node(), c.gpus(), option, c.id(), true));
      }
    }
    // Scaling down keeps each model's most valuable replicas: last in eviction order first.
    valid.sort(evictionOrder.reversed());
    for (Placed p : valid) {
      if (validCurrent[p.model()] < instance.models[p.model()].wanted()) {
        validCurrent[p.model()]++;
        packing.restore(p);
      }
    }
  }

  private void resolveGpus(Node node) {
    double[] free = packing.free(node.index());
    int[] holders = packing.holders(node.index());
    for (int g = 0; g < free.length; g++) {
      while (free[g] < -GpuPicker.EPSILON_GIB || (!node.shareable() && holders[g] > 1)) {
        List<Placed> users = new ArrayList<>();
        for (Placed p : packing.on(node.index())) {
          if (Arrays.binarySearch(p.gpus(), g) >= 0) {
            users.add(p);
          }
        }
        String budget = gpuBudget(node, g, users);
        evictFirst(users, budget);
      }
    }
  }

  private String gpuBudget(Node node, int gpu, List<Placed> users) {
    if (!node.shareable() && users.size() > 1) {
      return String.format(
          Locale.ROOT,
          "node %s GPU %d is whole-GPU scheduled and holds %d replicas",
          node.name(),
          gpu,
          users.size());
    }
    double need = users.stream().mapToDouble(p -> p.option().vram()).sum();
    return String.format(
        Locale.ROOT,
        "node %s GPU %d has %.1f GiB free for this pool, its replicas need %.1f GiB",
        node.name(),
        gpu,
        node.free()[gpu],
        need);
  }

  private void resolveDisk(Node node) {
    while (packing.disk(node.index()) < -GpuPicker.EPSILON_GIB) {
      // The cache is per model, so a model's replicas on the node go together.
      List<Placed> firstOfEach = new ArrayList<>();
      double need = 0;
      for (Placed p : packing.on(node.index())) {
        if (firstOfEach.stream().noneMatch(q -> q.model() == p.model())) {
          firstOfEach.add(p);
          need += p.option().disk();
        }
      }
      String budget =
          String.format(
              Locale.ROOT,
              "node %s has %.1f GiB of model-cache disk free for this pool, its models need %.1f"
                  + " GiB",
              node.name(),
              node.disk(),
              need);
      firstOfEach.sort(evictionOrder);
      Placed first = choose(firstOfEach);
      List<Placed> all = new ArrayList<>();
      for (Placed p : packing.on(node.index())) {
        if (p.model() == first.model()) {
          all.add(p);
        }
      }
      for (Placed p : all) {
        evict(p, firstOfEach, budget);
      }
    }
  }

  /** Evicts the first unpinned replica of {@code users} in eviction order. */
  private void evictFirst(List<Placed> users, String budget) {
    users.sort(evictionOrder);
    evict(choose(users), users, budget);
  }

  /** The first unpinned replica of a sorted list, or the first pinned one when all are pinned. */
  private Placed choose(List<Placed> sorted) {
    for (Placed p : sorted) {
      if (!instance.models[p.model()].pinned()) {
        return p;
      }
    }
    return sorted.get(0);
  }

  private void evict(Placed victim, List<Placed> sorted, String budget) {
    packing.remove(victim);
    if (instance.models[victim.model()].pinned()) {
      // Pinned replicas that overflow a budget among themselves are not valid: not an eviction.
      validCurrent[victim.model()]--;
      return;
    }
    Placed other = null;
    for (Placed p : sorted) {
      if (p.model() != victim.model() && !instance.models[p.model()].pinned()) {
        other = p;
        break;
      }
    }
    packing.recordCause(
        victim,
        other == null ? null : instance.models[other.model()],
        other == null ? 0 : other.value(),
        false,
        budget);
  }
}
