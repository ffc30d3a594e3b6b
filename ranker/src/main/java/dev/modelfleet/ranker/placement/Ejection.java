package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes room for a missing replica on a node by taking out replicas worth less than it, fewest and
 * cheapest first in eviction order, then puts those back elsewhere where they fit. The move is kept
 * only when the total value rises; every replica it leaves out was worth less than the newcomer.
 */
final class Ejection {
  private final Packing packing;
  private final Instance instance;
  private final LocalSearch search;
  private final int[] scratch;
  private final double[] freeBuffer;
  private final int[] holdersBuffer;

  Ejection(Packing packing, LocalSearch search, int[] scratch) {
    this.packing = packing;
    this.instance = packing.instance;
    this.search = search;
    this.scratch = scratch;
    this.freeBuffer = new double[scratch.length];
    this.holdersBuffer = new int[scratch.length];
  }

  /** A node where the newcomer fits once {@code victims} leave, and the value that costs. */
  private record Trial(int node, Option option, List<Placed> victims, double gain) {}

  private static final Comparator<Trial> BEST_FIRST =
      Comparator.comparingDouble(Trial::gain).reversed().thenComparingInt(Trial::node);

  /** Places one replica of {@code model} by ejection if that raises the total value. */
  boolean tryInsert(Model model) {
    List<Trial> trials = new ArrayList<>();
    for (Option option : model.byValue()) {
      for (int node : instance.nodesByProfile[option.profile()]) {
        Trial trial = trial(model.index(), option, node);
        if (trial != null) {
          trials.add(trial);
        }
      }
    }
    trials.sort(BEST_FIRST);
    for (int i = 0; i < Math.min(LocalSearch.EJECTION_TRIALS, trials.size()); i++) {
      if (apply(model, trials.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** The fewest cheap victims on {@code node} that make room, found by trying; null if none do. */
  private Trial trial(int model, Option option, int node) {
    List<Placed> victims = new ArrayList<>();
    for (Placed p : packing.on(node)) {
      if (search.ejectable(p, model, option.value())) {
        victims.add(p);
      }
    }
    if (victims.isEmpty() || !fitsWithout(model, option, node, victims)) {
      return null;
    }
    victims.sort(search.evictionOrder());
    List<Placed> removed = new ArrayList<>();
    for (Placed v : victims) {
      packing.remove(v);
      removed.add(v);
      if (packing.fit(node, model, option, scratch) != GpuPicker.NO_FIT) {
        break;
      }
    }
    // Put back, latest first, every victim the newcomer does not need gone.
    for (int i = removed.size() - 1; i >= 0 && removed.size() > 1; i--) {
      Placed v = removed.get(i);
      packing.restore(v);
      if (packing.fit(node, model, option, scratch) == GpuPicker.NO_FIT) {
        packing.remove(v);
      } else {
        removed.remove(i);
      }
    }
    double loss = 0;
    for (Placed v : removed) {
      loss += v.value();
      packing.restore(v);
    }
    return new Trial(node, option, removed, option.value() - loss);
  }

  /** Whether the newcomer would fit were every victim gone: a cheap test before trying. */
  private boolean fitsWithout(int model, Option option, int node, List<Placed> victims) {
    double[] free = packing.free(node);
    int[] holders = packing.holders(node);
    int gpus = free.length;
    System.arraycopy(free, 0, freeBuffer, 0, gpus);
    System.arraycopy(holders, 0, holdersBuffer, 0, gpus);
    double disk = packing.disk(node);
    for (Placed v : victims) {
      for (int g : v.gpus()) {
        freeBuffer[g] += v.option().vram();
        holdersBuffer[g]--;
      }
      if (allVictims(node, v.model(), victims) && isFirstOf(v, victims)) {
        disk += v.option().disk();
      }
    }
    if (disk < packing.diskToAdd(node, model, option) - GpuPicker.EPSILON_GIB) {
      return false;
    }
    return GpuPicker.pick(
            freeBuffer,
            holdersBuffer,
            gpus,
            instance.nodes[node].shareable(),
            option.gpus(),
            option.vram(),
            scratch)
        != GpuPicker.NO_FIT;
  }

  private boolean allVictims(int node, int model, List<Placed> victims) {
    for (Placed p : packing.on(node)) {
      if (p.model() == model && !victims.contains(p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFirstOf(Placed v, List<Placed> victims) {
    for (Placed p : victims) {
      if (p.model() == v.model()) {
        return p == v;
      }
    }
    return false;
  }

  /** Ejects, places the newcomer, puts victims back where they fit; undoes it all on no gain. */
  private boolean apply(Model model, Trial trial) {
    int node = trial.node();
    double[] freeBefore = packing.free(node).clone();
    double diskBefore = packing.disk(node);
    for (Placed v : trial.victims()) {
      packing.remove(v);
    }
    if (packing.fit(node, model.index(), trial.option(), scratch) == GpuPicker.NO_FIT) {
      trial.victims().forEach(packing::restore);
      return false;
    }
    int[] gpus = Arrays.copyOf(scratch, trial.option().gpus());
    Placed newcomer = packing.place(model.index(), node, gpus, trial.option());
    List<Placed> victims = new ArrayList<>(trial.victims());
    victims.sort(Comparator.comparingDouble(Placed::value).reversed());
    List<Placed> reinserted = new ArrayList<>();
    List<Placed> lost = new ArrayList<>();
    double gain = trial.option().value();
    for (Placed v : victims) {
      gain -= v.value();
      Slot slot = Slots.best(packing, v.model(), Double.NEGATIVE_INFINITY, scratch);
      if (slot == null) {
        lost.add(v);
      } else {
        reinserted.add(
            packing.place(v.model(), slot.node(), slot.gpus(), slot.option(), v.origin()));
        gain += slot.option().value();
      }
    }
    if (gain <= LocalSearch.MIN_GAIN) {
      reinserted.forEach(packing::remove);
      packing.remove(newcomer);
      trial.victims().forEach(packing::restore);
      return false;
    }
    for (Placed v : lost) {
      if (v.origin() >= 0) {
        packing.recordCause(
            v,
            model,
            trial.option().value(),
            true,
            budget(model, trial.option(), node, gpus, v, freeBefore, diskBefore));
      }
    }
    return true;
  }

  /** The budget {@code victim} stood in the way of, as it was before the move. */
  private String budget(
      Model model,
      Option option,
      int node,
      int[] gpus,
      Placed victim,
      double[] freeBefore,
      double diskBefore) {
    Node n = instance.nodes[node];
    for (int g : gpus) {
      if (Arrays.binarySearch(victim.gpus(), g) < 0) {
        continue;
      }
      if (!n.shareable()) {
        return String.format(
            Locale.ROOT,
            "node %s GPU %d is whole-GPU scheduled and held by %s, %s needs the whole GPU",
            n.name(),
            g,
            instance.models[victim.model()].name(),
            model.name());
      }
      return String.format(
          Locale.ROOT,
          "node %s GPU %d has %.1f GiB free, %s needs %.1f GiB",
          n.name(),
          g,
          Math.max(0, freeBefore[g]),
          model.name(),
          option.vram());
    }
    return String.format(
        Locale.ROOT,
        "node %s has %.1f GiB of model-cache disk free, %s needs %.1f GiB",
        n.name(),
        Math.max(0, diskBefore),
        model.name(),
        option.disk());
  }
}
