package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.Eviction;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolUsage;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints a ModelPool's placement as a person checks it: per node (and HardwareProfile, as a MIG
 * node sits in several), the pool's models on it with their GPUs and memory, the node's GPU memory
 * used and free; then the models left out and the evictions, each with its reason.
 */
final class PoolReport {
  private static final String ROW = "%-26s %-38s %-12s %5s %13s %9s %9s %8s%n";

  private PoolReport() {}

  static void print(PrintStream out, ModelPool pool, List<HardwareProfile> profiles) {
    ModelPoolStatus status = pool.getStatus();
    String name = pool.getMetadata().getName();
    if (status == null) {
      out.printf("ModelPool %s has no status yet%n", name);
      return;
    }
    List<ModelStatus> models = status.getModels();
    long placed = models.stream().filter(m -> !m.getNodes().isEmpty()).count();
    out.printf(
        "ModelPool %s: %d of %d model(s) placed, %d serving%s%n%n",
        name, placed, models.size(), count(models, ModelPhase.Serving), usage(status.getUsage()));
    printPlacement(out, models, profiles);
    printLeftOut(out, models);
    printEvictions(out, status.getEvictions());
  }

  private static void printPlacement(
      PrintStream out, List<ModelStatus> models, List<HardwareProfile> profiles) {
    Map<String, HardwareProfile> byName =
        profiles.stream()
            .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    Map<NodeSlot, Map<ModelStatus, Integer>> bySlot = new TreeMap<>();
    for (ModelStatus model : models) {
      for (String node : model.getNodes()) {
        // A node listed twice holds two replicas of the model.
        bySlot
            .computeIfAbsent(
                new NodeSlot(node, Objects.toString(model.getHardwareProfile(), "")),
                k -> new TreeMap<>(Comparator.comparing(ModelStatus::getName)))
            .merge(model, 1, Integer::sum);
      }
    }
    if (bySlot.isEmpty()) {
      out.println("Nothing placed.");
      return;
    }
    out.printf(
        ROW,
        "NODE / MODEL",
        "HARDWAREPROFILE / ENGINE",
        "PHASE",
        "GPUS",
        "GiB/GPU",
        "VRAM USED",
        "VRAM FREE",
        "DISK GiB");
    bySlot.forEach(
        (slot, onNode) -> printNode(out, slot, onNode, gpuOf(byName.get(slot.profile()))));
  }

  private static void printNode(
      PrintStream out, NodeSlot slot, Map<ModelStatus, Integer> onNode, GpuSpec gpu) {
    int gpus = gpu == null || gpu.getCountPerNode() == null ? 0 : gpu.getCountPerNode();
    double perGpu = gpu == null || gpu.getMemoryGiB() == null ? 0 : gpu.getMemoryGiB();
    int usedGpus = 0;
    double usedVram = 0;
    double disk = 0;
    for (var e : onNode.entrySet()) {
      usedGpus += gpusPerReplica(e.getKey()) * e.getValue();
      usedVram += vramPerReplica(e.getKey()) * e.getValue();
      // Replicas on one node share the model's cache.
      disk += disk(e.getKey());
    }
    out.printf(
        ROW,
        slot.node(),
        slot.profile(),
        "",
        usedGpus + "/" + gpus,
        number(perGpu),
        number(usedVram),
        number(gpus * perGpu - usedVram),
        number(disk));
    onNode.forEach(
        (m, replicas) ->
            out.printf(
                ROW,
                "  " + m.getName() + (replicas > 1 ? " x" + replicas : ""),
                "  " + Objects.toString(m.getEngine(), "-"),
                m.getPhase(),
                gpusPerReplica(m) * replicas,
                perGpuUse(m, perGpu),
                number(vramPerReplica(m) * replicas),
                "",
                number(disk(m))));
  }

  private static void printLeftOut(PrintStream out, List<ModelStatus> models) {
    List<ModelStatus> leftOut = models.stream().filter(m -> m.getNodes().isEmpty()).toList();
    out.println();
    if (leftOut.isEmpty()) {
      out.println("Left out: none, every model is placed.");
      return;
    }
    out.println("Left out:");
    leftOut.stream()
        .sorted(Comparator.comparing(ModelStatus::getName))
        .forEach(
            m ->
                out.printf(
                    "  %-16s %-8s %-22s %s%n",
                    m.getName(), m.getPhase(), m.getReason(), m.getMessage()));
  }

  private static void printEvictions(PrintStream out, List<Eviction> evictions) {
    if (evictions.isEmpty()) {
      return;
    }
    out.println();
    out.println("Evictions (newest first):");
    evictions.forEach(
        e -> out.printf("  %-16s %-22s %s%n", e.getModel(), e.getReason(), e.getMessage()));
  }

  /** "used of capacity" for one of the model's GPUs: its share of one replica's memory. */
  static String perGpuUse(ModelStatus model, double gpuMemoryGiB) {
    int gpus = gpusPerReplica(model);
    if (gpus == 0) {
      return "-";
    }
    return number(vramPerReplica(model) / gpus) + " of " + number(gpuMemoryGiB);
  }

  private static String usage(PoolUsage usage) {
    if (usage == null) {
      return "";
    }
    String disk =
        usage.getDiskBudgetGiB() == null
            ? number(usage.getDiskGiB()) + " GiB (no budget)"
            : number(usage.getDiskGiB()) + " of " + number(usage.getDiskBudgetGiB()) + " GiB";
    return String.format(
        "; %s GPU(s), VRAM %s of %s GiB budget, cache disk on the fullest node %s",
        usage.getGpus(), number(usage.getVramGiB()), number(usage.getVramBudgetGiB()), disk);
  }

  private static long count(List<ModelStatus> models, ModelPhase phase) {
    return models.stream().filter(m -> m.getPhase() == phase).count();
  }

  private static GpuSpec gpuOf(HardwareProfile profile) {
    return profile == null || profile.getSpec() == null ? null : profile.getSpec().getGpu();
  }

  private static int gpusPerReplica(ModelStatus m) {
    return m.getGpusPerReplica() == null ? 0 : m.getGpusPerReplica();
  }

  private static double vramPerReplica(ModelStatus m) {
    return m.getEstimatedVramGiB() == null ? 0 : m.getEstimatedVramGiB();
  }

  private static double disk(ModelStatus m) {
    return m.getCacheDiskGiB() == null ? 0 : m.getCacheDiskGiB();
  }

  static String number(Double value) {
    if (value == null) {
      return "-";
    }
    double tenths = Math.round(value * 10) / 10.0;
    return tenths == Math.rint(tenths)
        ? String.valueOf((long) tenths)
        : String.format(Locale.ROOT, "%.1f", tenths);
  }

  /** One node as seen through one HardwareProfile, ordered by node then profile. */
  private record NodeSlot(String node, String profile) implements Comparable<NodeSlot> {
    @Override
    public int compareTo(NodeSlot other) {
      return Comparator.comparing(NodeSlot::node)
          .thenComparing(NodeSlot::profile)
          .compare(this, other);
    }
  }
}
