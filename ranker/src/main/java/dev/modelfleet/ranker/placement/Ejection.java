package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes room for a missing replica on a node by taking replicas out, fewest and cheapest first in
 * eviction order, then puts those back elsewhere where they fit. The move is kept only when the
 * total value rises and every replica left out was worth less than the newcomer, so an eviction
 * always goes to a more valuable replica.
 */
final class Ejection {
  private final Packing packing;
  private final Instance instance;
  private final LocalSearch search;
  private final int[] scratch;
  private final NodeView view;

  /** Per model, the packing's clock when it last failed to get in by ejection; -1 if never. */
  private final long[] lastFailure;

  Ejection(Packing packing, LocalSearch search, int[] scratch) {
    this.packing = packing;
    this.instance = packing.instance;
    this.search = search;
    this.scratch = scratch;
    this.view = new NodeView(scratch.length);
    this.lastFailure = new long[instance.models.length];
    java.util.Arrays.fill(lastFailure, -1);
  }

  /** A node where the newcomer fits once {@code victims} leave, and the value that costs. */
  private record Trial(int node, Option option, List<Placed> victims, double gain) {}

  private static final Comparator<Trial> BEST_FIRST =
      Comparator.comparingDouble(Trial::gain).reversed().thenComparingInt(Trial::node);

  /** Places one replica of {@code model} by ejection if that raises the total value. */
  boolean tryInsert(Model model) {
    long since = lastFailure[model.index()];
    List<Trial> trials = new ArrayList<>();
    for (Option option : model.byValue()) {
      for (int node : instance.nodesByProfile[option.profile()]) {
        // A node unchanged since this model last failed to get in cannot let it in now.
        if (packing.version(node) > since
            && instance.couldEverHost(node, option)
            && search.spendTrial()) {
          Trial trial = trial(model.index(), option, node);
          if (trial != null) {
            trials.add(trial);
          }
        }
      }
    }
    trials.sort(BEST_FIRST);
    for (int i = 0; i < Math.min(LocalSearch.EJECTION_TRIALS, trials.size()); i++) {
      if (apply(model, trials.get(i))) {
        return true;
      }
    }
    lastFailure[model.index()] = packing.clock();
    return false;
  }

  /** The fewest cheap victims on {@code node} that make room, null if none do. */
  private Trial trial(int model, Option option, int node) {
    view.load(packing, node);
    List<Placed> replicas = view.replicas();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      if (search.ejectable(replicas.get(i), model)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    candidates.forEach(view::take);
    if (!view.fits(model, option, scratch)) {
      return null;
    }
    candidates.forEach(view::putBack);
    candidates.sort((a, b) -> search.evictionOrder().compare(replicas.get(a), replicas.get(b)));
    List<Integer> removed = new ArrayList<>();
    for (int i : candidates) {
      view.take(i);
      removed.add(i);
      if (view.fits(model, option, scratch)) {
        break;
      }
    }
    // Put back, latest first, every victim the newcomer does not need gone.
    for (int j = removed.size() - 2; j >= 0; j--) {
      view.putBack(removed.get(j));
      if (view.fits(model, option, scratch)) {
        removed.remove(j);
      } else {
        view.take(removed.get(j));
      }
    }
    List<Placed> victims = new ArrayList<>(removed.size());
    double loss = 0;
    for (int i : removed) {
      victims.add(replicas.get(i));
      loss += replicas.get(i).value();
    }
    return new Trial(node, option, victims, option.value() - loss);
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
    boolean lostOnlyCheaper =
        lost.stream().allMatch(v -> v.value() < trial.option().value() - LocalSearch.MIN_GAIN);
    if (gain <= LocalSearch.MIN_GAIN || !lostOnlyCheaper) {
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
