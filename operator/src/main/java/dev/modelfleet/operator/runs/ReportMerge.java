package dev.modelfleet.operator.runs;

import dev.modelfleet.serving.jobs.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds up the reports of Pods that shared a quality suite's samples: counts are summed, accuracy is
 * recomputed from them. Any other figure is taken from the first report.
 */
public final class ReportMerge {
  private static final double PERCENT = 100.0;
  private static final List<String> COUNTS = List.of("samples", "correct", "request_errors");

  private ReportMerge() {}

  public static RunReport merge(List<RunReport> reports) {
    if (reports.size() == 1) {
      return reports.get(0);
    }
    RunReport first = reports.get(0);
    Map<String, Map<String, Double>> countsByTask = new LinkedHashMap<>();
    List<RunReport.Metric> others = new ArrayList<>();
    int dropped = 0;
    for (RunReport report : reports) {
      dropped += report.dropped();
      for (RunReport.Metric m : report.metrics()) {
        if (COUNTS.contains(m.name())) {
          countsByTask
              .computeIfAbsent(Objects.toString(m.task(), ""), t -> new LinkedHashMap<>())
              .merge(m.name(), m.value(), Double::sum);
        } else if (report == first && !m.name().equals("accuracy")) {
          others.add(m);
        }
      }
    }
    List<RunReport.Metric> merged = new ArrayList<>();
    countsByTask.forEach(
        (task, counts) -> {
          String taskName = task.isEmpty() ? null : task;
          double samples = counts.getOrDefault("samples", 0.0);
          double correct = counts.getOrDefault("correct", 0.0);
          merged.add(
              new RunReport.Metric(
                  "accuracy",
                  samples == 0 ? 0 : PERCENT * correct / samples,
                  "percent",
                  null,
                  taskName));
          counts.forEach(
              (name, value) ->
                  merged.add(new RunReport.Metric(name, value, "count", null, taskName)));
        });
    merged.addAll(others);
    return new RunReport(
        first.runnerVersion(), first.servedModel(), first.datasetHash(), merged, dropped);
  }
}
