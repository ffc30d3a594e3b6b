package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Says why a model got fewer replicas than it wants, from the finished packing: of all its options
 * and their profiles' nodes, the one that came closest decides the reason (enough GPUs free, then
 * enough VRAM on them, then the disk), and the message gives what it needs and that closest node.
 */
final class UnplacedDiagnosis {
  private enum Stage {
    GPUS,
    VRAM,
    DISK,
    FITS
  }

  private record Closest(Stage stage, double metric, Option option, int node) {}

  private final Packing packing;
  private final Instance instance;

  UnplacedDiagnosis(Packing packing) {
    this.packing = packing;
    this.instance = packing.instance;
  }

  /** The models short of replicas, by name. */
  List<UnplacedModel> unplaced() {
    List<UnplacedModel> unplaced = new ArrayList<>();
    for (Model model : instance.models) {
      if (packing.wantsMore(model.index())) {
        unplaced.add(diagnose(model));
      }
    }
    return unplaced;
  }

  private UnplacedModel diagnose(Model model) {
    int placed = packing.count(model.index());
    if (model.byValue().length == 0) {
      return new UnplacedModel(
          model.name(),
          placed,
          model.wanted(),
          UnplacedModel.NO_HARDWARE,
          "no hardware profile can serve it: it has no placement option");
    }
    Closest closest = null;
    for (Option option : model.byValue()) {
      for (int node : instance.nodesByProfile[option.profile()]) {
        Closest c = closest(model.index(), option, node);
        if (closest == null || closer(c, closest)) {
          closest = c;
        }
      }
    }
    if (closest == null) {
      StringJoiner profiles = new StringJoiner(", ");
      Arrays.stream(model.byValue()).forEach(o -> profiles.add(instance.profiles[o.profile()]));
      return new UnplacedModel(
          model.name(),
          placed,
          model.wanted(),
          UnplacedModel.NO_HARDWARE,
          "no node of its hardware profiles (" + profiles + ") is in the pool");
    }
    return describe(model, placed, closest);
  }

  private Closest closest(int model, Option option, int node) {
    double[] free = packing.free(node);
    int[] holders = packing.holders(node);
    boolean shareable = instance.nodes[node].shareable();
    double[] available =
        java.util.stream.IntStream.range(0, free.length)
            .filter(g -> shareable || holders[g] == 0)
            .mapToDouble(g -> free[g])
            .sorted()
            .toArray();
    int k = option.gpus();
    if (available.length < k) {
      return new Closest(Stage.GPUS, available.length, option, node);
    }
    double kthRoomiest = available[available.length - k];
    if (kthRoomiest < option.vram() - GpuPicker.EPSILON_GIB) {
      return new Closest(Stage.VRAM, kthRoomiest, option, node);
    }
    double disk = packing.disk(node);
    if (disk < packing.diskToAdd(node, model, option) - GpuPicker.EPSILON_GIB) {
      return new Closest(Stage.DISK, disk, option, node);
    }
    return new Closest(Stage.FITS, 0, option, node);
  }

  private static boolean closer(Closest a, Closest b) {
    if (a.stage() != b.stage()) {
      return a.stage().compareTo(b.stage()) > 0;
    }
    if (a.metric() != b.metric()) {
      return a.metric() > b.metric();
    }
    return false;
  }

  private UnplacedModel describe(Model model, int placed, Closest c) {
    Option o = c.option();
    Node node = instance.nodes[c.node()];
    String profile = instance.profiles[o.profile()];
    return switch (c.stage()) {
      case GPUS ->
          new UnplacedModel(
              model.name(),
              placed,
              model.wanted(),
              UnplacedModel.INSUFFICIENT_GPUS,
              String.format(
                  Locale.ROOT,
                  "needs %d GPUs of one %s node per replica; the most any such node has available is"
                      + " %d (node %s)",
                  o.gpus(),
                  profile,
                  (int) c.metric(),
                  node.name()));
      case VRAM ->
          new UnplacedModel(
              model.name(),
              placed,
              model.wanted(),
              UnplacedModel.INSUFFICIENT_VRAM,
              String.format(
                  Locale.ROOT,
                  "needs %d GPU(s) with %.1f GiB free each on one %s node; the closest, node %s, has"
                      + " %.1f GiB free on its %s",
                  o.gpus(),
                  o.vram(),
                  profile,
                  node.name(),
                  Math.max(0, c.metric()),
                  o.gpus() == 1
                      ? "roomiest GPU"
                      : "smallest of its " + o.gpus() + " roomiest GPUs"));
      case DISK ->
          new UnplacedModel(
              model.name(),
              placed,
              model.wanted(),
              UnplacedModel.INSUFFICIENT_DISK,
              String.format(
                  Locale.ROOT,
                  "needs %.1f GiB of model-cache disk on one %s node with room on its GPUs; the most"
                      + " such a node has free is %.1f GiB (node %s)",
                  o.disk(),
                  profile,
                  Math.max(0, c.metric()),
                  node.name()));
      case FITS ->
          throw new IllegalStateException(
              model.name() + " fits node " + node.name() + " but was left unplaced");
    };
  }
}
