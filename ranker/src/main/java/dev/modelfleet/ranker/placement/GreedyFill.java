package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fills a packing greedily, pinned models first: either every (model, option) pair in one {@link
 * FillOrder}, each taking as many of its model's missing replicas as its profile's nodes hold on
 * the best-fitting node, or first-fit decreasing.
 */
final class GreedyFill {
  private GreedyFill() {}

  record Item(Model model, Option option, double key) {}

  static void fill(Packing packing, FillOrder order, int[] scratch) {
    for (Item item : items(packing.instance, order)) {
      int m = item.model().index();
      while (packing.wantsMore(m)) {
        Slot slot = Slots.bestOn(packing, m, item.option(), scratch);
        if (slot == null) {
          break;
        }
        packing.place(m, slot.node(), slot.gpus(), slot.option());
      }
    }
  }

  /**
   * First-fit decreasing: models by the size of a replica with their best option (GPUs x VRAM),
   * largest first, each replica on the first node by name and the first GPUs by index that take it,
   * trying options best value first. The common baseline, kept as one start so that no plan is
   * worth less than it.
   */
  static void firstFitDecreasing(Packing packing, int[] scratch) {
    List<Model> models = new ArrayList<>(List.of(packing.instance.models));
    models.removeIf(m -> m.byValue().length == 0);
    models.sort(
        Comparator.comparing((Model m) -> !m.pinned())
            .thenComparing(
                Comparator.comparingDouble(
                        (Model m) -> m.byValue()[0].gpus() * m.byValue()[0].vram())
                    .reversed())
            .thenComparingInt(Model::index));
    for (Model model : models) {
      while (packing.wantsMore(model.index())) {
        if (!placeFirstFit(packing, model, scratch)) {
          break;
        }
      }
    }
  }

  private static boolean placeFirstFit(Packing packing, Model model, int[] scratch) {
    for (Option option : model.byValue()) {
      for (int node : packing.instance.nodesByProfile[option.profile()]) {
        if (packing.firstFit(node, model.index(), option, scratch)) {
          packing.place(
              model.index(), node, java.util.Arrays.copyOf(scratch, option.gpus()), option);
          return true;
        }
      }
    }
    return false;
  }

  static List<Item> items(Instance instance, FillOrder order) {
    List<Item> items = new ArrayList<>();
    for (Model model : instance.models) {
      for (Option option : model.byValue()) {
        items.add(new Item(model, option, order.key(model, option)));
      }
    }
    items.sort(
        Comparator.comparing((Item i) -> !i.model().pinned())
            .thenComparing(Comparator.comparingDouble(Item::key).reversed())
            .thenComparing(Comparator.comparingDouble((Item i) -> i.option().value()).reversed())
            .thenComparingInt(i -> i.model().index())
            .thenComparingInt(i -> i.option().profile()));
    return items;
  }
}
