package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.ProfileSource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Prints what the demo's operator did, as tables a person reads at a glance. */
final class DemoReport {
  private static final String ROW = "%-38s %-9s %-34s %5s %8s %8s %6s %5s %9s  %s%n";

  private DemoReport() {}

  static void print(
      PrintStream out,
      List<Node> nodes,
      List<HardwareProfile> profiles,
      List<HasMetadata> applied) {
    long overrides =
        profiles.stream().filter(p -> p.getStatus().getSource() == ProfileSource.Override).count();
    out.printf(
        "%nModelFleet demo: %d simulated nodes, %d HardwareProfiles (%d detected, %d override)%n%n",
        nodes.size(), profiles.size(), profiles.size() - overrides, overrides);
    out.printf(
        ROW,
        "HARDWAREPROFILE",
        "SOURCE",
        "GPU",
        "GPU/N",
        "GiB/GPU",
        "GB/s",
        "NODES",
        "GPUS",
        "VRAM GiB",
        "CONFIDENCE");
    profiles.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .forEach(p -> out.printf(ROW, row(p)));
    out.println();
    out.println("Nodes per profile:");
    profiles.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .forEach(
            p ->
                out.printf(
                    "  %-38s %s%n",
                    p.getMetadata().getName(), String.join(", ", p.getStatus().getNodes())));
    List<String> warnings =
        profiles.stream()
            .flatMap(
                p ->
                    p
                        .getStatus()
                        .condition(ConditionTypes.WARNING)
                        .filter(c -> "True".equals(c.getStatus()))
                        .stream()
                        .map(c -> p.getMetadata().getName() + ": " + c.getMessage()))
            .toList();
    if (!warnings.isEmpty()) {
      out.println();
      out.println("Warnings:");
      warnings.forEach(w -> out.println("  " + w));
    }
    out.println();
    out.printf("Applied from examples/ into namespace %s:%n", DemoApplication.NAMESPACE);
    applied.forEach(r -> out.printf("  %s/%s%n", r.getKind(), r.getMetadata().getName()));
  }

  private static Object[] row(HardwareProfile profile) {
    GpuSpec gpu = profile.getSpec().getGpu();
    var status = profile.getStatus();
    String product = gpu.getProduct() == null ? "(cpu only)" : gpu.getProduct();
    if (gpu.getMigProfile() != null) {
      product = product + " MIG " + gpu.getMigProfile();
    }
    return new Object[] {
      profile.getMetadata().getName(),
      status.getSource(),
      product,
      gpu.getCountPerNode(),
      number(gpu.getMemoryGiB()),
      number(gpu.getMemoryBandwidthGBps()),
      status.getNodeCount(),
      status.getTotals().getGpus(),
      number(status.getTotals().getVramGiB()),
      Objects.toString(status.getConfidence(), "").toLowerCase()
          + ready(status.condition(ConditionTypes.READY).orElse(null))
    };
  }

  private static String ready(Condition ready) {
    return ready == null || "True".equals(ready.getStatus())
        ? ""
        : " (not ready: " + ready.getReason() + ")";
  }

  private static String number(Double value) {
    return value == null
        ? "-"
        : value == Math.rint(value)
            ? String.valueOf(value.longValue())
            : String.format("%.1f", value);
  }
}
