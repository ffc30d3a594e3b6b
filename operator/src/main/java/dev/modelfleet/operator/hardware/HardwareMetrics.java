package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Per-profile gauges of nodes, GPUs and GPU memory, for fleet capacity dashboards. */
@ApplicationScoped
public class HardwareMetrics {
  private final MultiGauge nodes;
  private final MultiGauge gpus;
  private final MultiGauge vram;

  public HardwareMetrics(MeterRegistry registry) {
    nodes =
        MultiGauge.builder("modelfleet.hardware.nodes")
            .description("Nodes matched by each HardwareProfile")
            .register(registry);
    gpus =
        MultiGauge.builder("modelfleet.hardware.gpus")
            .description("Schedulable GPUs (or MIG slices) per HardwareProfile")
            .register(registry);
    vram =
        MultiGauge.builder("modelfleet.hardware.vram")
            .baseUnit("gibibytes")
            .description("GPU memory per HardwareProfile")
            .register(registry);
  }

  void record(ProfilePlan plan) {
    List<Row> rows = new ArrayList<>();
    plan.detected().forEach(d -> rows.add(new Row(d.name(), "detected", d.status())));
    plan.overrides().forEach((name, status) -> rows.add(new Row(name, "override", status)));
    nodes.register(rowsOf(rows, s -> s.getNodeCount() == null ? 0 : s.getNodeCount()), true);
    gpus.register(rowsOf(rows, s -> s.getTotals() == null ? 0 : s.getTotals().getGpus()), true);
    vram.register(rowsOf(rows, s -> s.getTotals() == null ? 0 : s.getTotals().getVramGiB()), true);
  }

  private static List<MultiGauge.Row<?>> rowsOf(
      List<Row> rows, ToDoubleFunction<HardwareProfileStatus> value) {
    return rows.stream()
        .<MultiGauge.Row<?>>map(
            r ->
                MultiGauge.Row.of(
                    Tags.of("profile", r.name(), "source", r.source()),
                    value.applyAsDouble(r.status())))
        .toList();
  }

  private record Row(String name, String source, HardwareProfileStatus status) {}
}
