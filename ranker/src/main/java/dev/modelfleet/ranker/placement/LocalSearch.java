package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Improves a packing by moves that each raise its total value: a replica moves to a slot where it
 * is worth more, and a missing replica takes the room of less valuable ones, which are put back
 * elsewhere where they fit. Stops when a pass finds nothing, then fills what still fits.
 */
final class LocalSearch {
  /**
   * Passes over all replicas at most. Each accepted move raises the value, so passes end on their
   * own; the cap bounds the time on large fleets.
   */
  static final int MAX_PASSES = 8;

  /**
   * Nodes whose ejection is tried in full (with victims put back elsewhere) per missing replica.
   */
  static final int EJECTION_TRIALS = 3;

  /**
   * Nodes one search may examine for ejections: bounds the time on large, contended fleets. A pool
   * of tens of nodes needs far fewer.
   */
  static final int EJECTION_TRIAL_BUDGET = 20_000;

  /** A move must gain at least this much value; smaller gains are rounding. */
  static final double MIN_GAIN = 1e-9;

  private final Packing packing;
  private final Instance instance;
  private final boolean currentMovable;
  private final Comparator<Placed> evictionOrder;
  private final int[] scratch;
  private final Ejection ejection;
  private int trialsLeft = EJECTION_TRIAL_BUDGET;

  /** Per model, the packing's clock when a search for a better slot last failed. */
  private final long[] upgradeFailedAt;

  /** Per model, the packing's clock when a search for any free slot last failed. */
  private final long[] slotFailedAt;

  /**
   * @param currentMovable whether current replicas may move or be evicted; pinned current replicas
   *     never are
   */
  LocalSearch(Packing packing, boolean currentMovable, int[] scratch) {
    this.packing = packing;
    this.instance = packing.instance;
    this.currentMovable = currentMovable;
    this.evictionOrder = EvictionOrder.of(instance);
    this.scratch = scratch;
    this.ejection = new Ejection(packing, this, scratch);
    this.upgradeFailedAt = new long[instance.models.length];
    this.slotFailedAt = new long[instance.models.length];
    java.util.Arrays.fill(upgradeFailedAt, -1);
    java.util.Arrays.fill(slotFailedAt, -1);
  }

  void run() {
    List<Model> order = new ArrayList<>(List.of(instance.models));
    order.sort(
        Comparator.comparing((Model m) -> !m.pinned())
            .thenComparing(Comparator.comparingDouble(Model::bestValue).reversed())
            .thenComparingInt(Model::index));
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean upgraded = upgrade();
      boolean inserted = insert(order);
      if (!upgraded && !inserted) {
        break;
      }
    }
    fill(order);
  }

  /** Whether {@code p} may be moved elsewhere. */
  boolean movable(Placed p) {
    return !p.isCurrent() || (currentMovable && !instance.models[p.model()].pinned());
  }

  /**
   * Whether {@code p} may give its room to a replica of another model. It must then be put back
   * elsewhere unless it is worth less than the newcomer ({@link Ejection} checks).
   */
  boolean ejectable(Placed p, int model) {
    return p.model() != model
        && !instance.models[p.model()].pinned()
        && (!p.isCurrent() || currentMovable);
  }

  /** Takes one node trial from the budget; false once it is spent. */
  boolean spendTrial() {
    if (trialsLeft == 0) {
      return false;
    }
    trialsLeft--;
    return true;
  }

  Comparator<Placed> evictionOrder() {
    return evictionOrder;
  }

  private boolean upgrade() {
    boolean changed = false;
    for (Placed p : packing.all()) {
      if (!movable(p)
          || p.value() >= instance.models[p.model()].bestValue() - MIN_GAIN
          || !packing.changedSince(p.model(), p.value() + MIN_GAIN, upgradeFailedAt[p.model()])) {
        continue;
      }
      packing.remove(p);
      Slot slot = Slots.best(packing, p.model(), p.value() + MIN_GAIN, scratch);
      if (slot == null) {
        upgradeFailedAt[p.model()] = packing.clock();
        packing.restore(p);
      } else {
        packing.place(p.model(), slot.node(), slot.gpus(), slot.option(), p.origin());
        changed = true;
      }
    }
    return changed;
  }

  private boolean insert(List<Model> order) {
    boolean changed = false;
    for (Model model : order) {
      while (packing.wantsMore(model.index())) {
        Slot slot = freeSlot(model.index());
        if (slot != null) {
          packing.place(model.index(), slot.node(), slot.gpus(), slot.option());
        } else if (!ejection.tryInsert(model)) {
          break;
        }
        changed = true;
      }
    }
    return changed;
  }

  /** The best free slot for {@code model}, skipping the search when nothing it needs changed. */
  private Slot freeSlot(int model) {
    if (!packing.changedSince(model, Double.NEGATIVE_INFINITY, slotFailedAt[model])) {
      return null;
    }
    Slot slot = Slots.best(packing, model, Double.NEGATIVE_INFINITY, scratch);
    if (slot == null) {
      slotFailedAt[model] = packing.clock();
    }
    return slot;
  }

  private void fill(List<Model> order) {
    for (Model model : order) {
      while (packing.wantsMore(model.index())) {
        Slot slot = Slots.best(packing, model.index(), Double.NEGATIVE_INFINITY, scratch);
        if (slot == null) {
          break;
        }
        packing.place(model.index(), slot.node(), slot.gpus(), slot.option());
      }
    }
  }
}
