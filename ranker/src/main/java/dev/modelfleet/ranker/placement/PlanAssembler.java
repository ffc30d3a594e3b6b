package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the chosen packing into the plan: replicas, evictions, unplaced models and totals. */
final class PlanAssembler {
  private final Instance instance;
  private final Packing packing;
  private final int[] validCurrent;

  PlanAssembler(Packing packing, int[] validCurrent) {
    this.instance = packing.instance;
    this.packing = packing;
    this.validCurrent = validCurrent;
  }

  PlacementPlan plan() {
    List<Placed> placed = packing.all();
    placed.sort(
        Comparator.comparingInt(Placed::model)
            .thenComparingInt(Placed::node)
            .thenComparing(Placed::gpus, Arrays::compare));
    return new PlacementPlan(
        replicas(placed), evictions(), new UnplacedDiagnosis(packing).unplaced(), totals(placed));
  }

  private List<PlannedReplica> replicas(List<Placed> placed) {
    List<PlannedReplica> replicas = new ArrayList<>(placed.size());
    int[] number = new int[instance.models.length];
    for (Placed p : placed) {
      Node node = instance.nodes[p.node()];
      replicas.add(
          new PlannedReplica(
              instance.models[p.model()].name(),
              number[p.model()]++,
              node.name(),
              instance.profiles[node.profile()],
              Arrays.stream(p.gpus()).boxed().toList(),
              p.option().vram(),
              p.option().disk(),
              p.option().score()));
    }
    return replicas;
  }

  /**
   * One eviction per model and reason for the current replicas a model loses: its valid current
   * replicas minus its replicas in the plan, explained by the causes recorded when its replicas
   * were taken out, earliest first. A replica that moves is not an eviction; the plan shows where
   * it went.
   */
  private List<Eviction> evictions() {
    List<EvictionCause> causes = new ArrayList<>(packing.causes());
    causes.sort(Comparator.comparingLong(EvictionCause::sequence));
    List<Eviction> evictions = new ArrayList<>();
    for (Model model : instance.models) {
      int lost = validCurrent[model.index()] - packing.count(model.index());
      if (lost <= 0) {
        continue;
      }
      Map<EvictionReason, List<EvictionCause>> byReason = new LinkedHashMap<>();
      Set<Integer> seen = new HashSet<>();
      for (EvictionCause cause : causes) {
        if (lost == 0) {
          break;
        }
        if (cause.victim().index() != model.index() || !seen.add(cause.currentId())) {
          continue;
        }
        byReason.computeIfAbsent(cause.reason(), r -> new ArrayList<>()).add(cause);
        lost--;
      }
      byReason.forEach((reason, list) -> evictions.add(eviction(model, reason, list)));
      if (lost > 0) {
        throw new IllegalStateException(
            model.name() + " loses " + lost + " current replicas with no recorded cause");
      }
    }
    return evictions;
  }

  private static Eviction eviction(Model model, EvictionReason reason, List<EvictionCause> causes) {
    String message = causes.get(0).message();
    if (causes.size() > 1) {
      message += " (and " + (causes.size() - 1) + " more like it)";
    }
    return new Eviction(model.name(), causes.size(), reason, message);
  }

  private PlanTotals totals(List<Placed> placed) {
    Set<Long> gpus = new HashSet<>();
    Set<Long> caches = new HashSet<>();
    double vram = 0;
    double disk = 0;
    double value = 0;
    for (Placed p : placed) {
      for (int g : p.gpus()) {
        gpus.add(((long) p.node() << Integer.SIZE) | g);
      }
      if (caches.add(((long) p.node() << Integer.SIZE) | p.model())) {
        disk += p.option().disk();
      }
      vram += p.option().gpus() * p.option().vram();
      value += p.value();
    }
    return new PlanTotals(gpus.size(), vram, disk, value);
  }
}
