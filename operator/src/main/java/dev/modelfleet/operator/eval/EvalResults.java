package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.eval.EvalMetric;
import dev.modelfleet.serving.jobs.RunReport;
import java.util.ArrayList;
import java.util.List;

/** A runner report's figures as an EvalRun's {@code status.results}. */
final class EvalResults {
  private EvalResults() {}

  static List<EvalMetric> of(RunReport report) {
    List<EvalMetric> results = new ArrayList<>();
    if (report == null) {
      return results;
    }
    for (RunReport.Metric m : report.metrics()) {
      EvalMetric metric = new EvalMetric();
      metric.setName(m.name());
      metric.setValue(m.value());
      metric.setUnit(m.unit());
      metric.setConcurrency(m.concurrency());
      metric.setTask(m.task());
      results.add(metric);
    }
    return results;
  }
}
