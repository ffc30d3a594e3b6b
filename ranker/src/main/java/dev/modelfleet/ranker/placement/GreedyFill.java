package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fills a packing greedily: every (model, option) pair in one {@link FillOrder}, pinned models
 * first, each taking as many of its model's missing replicas as its profile's nodes hold.
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
