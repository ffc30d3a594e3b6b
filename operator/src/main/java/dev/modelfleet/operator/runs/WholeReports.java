package dev.modelfleet.operator.runs;

import dev.modelfleet.serving.jobs.ReportLog;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/**
 * A succeeded run's whole report when its termination messages were cut: each Pod whose message
 * dropped figures is read back from its log (the runner prints the whole report there between
 * {@link ReportLog}'s markers), and the Pods' reports are merged as {@link RunProgress} merges
 * them.
 */
public final class WholeReports {
  /**
   * The whole report, or why it could not be read.
   *
   * @param report every figure, or null when {@code problem} says why not
   * @param problem why a log could not give the report back, or null
   */
  public record Whole(RunReport report, String problem) {}

  private WholeReports() {}

  /** Reads back the figures the Job's Pods dropped from their termination messages. */
  public static Whole read(
      PodLogs logs, String namespace, List<Pod> pods, String jobName, String container) {
    List<RunReport> reports = new ArrayList<>();
    for (PodReports.Terminated t :
        PodReports.terminated(PodReports.ofJob(pods, jobName), container)) {
      if (t.exitCode() != 0) {
        continue; // a failed attempt retried by the Job: its successor holds the report
      }
      RunReport cut = RunReportCodec.decode(t.message());
      if (cut.dropped() == 0) {
        reports.add(cut);
        continue;
      }
      try {
        reports.add(ReportLog.find(logs.read(namespace, t.pod(), container)));
      } catch (PodLogs.LogUnavailableException | RunReportCodec.MalformedReportException e) {
        return new Whole(null, "Pod " + t.pod() + ": " + e.getMessage());
      }
    }
    if (reports.isEmpty()) {
      return new Whole(null, "no Pod of Job " + jobName + " holds a report");
    }
    return new Whole(ReportMerge.merge(reports), null);
  }
}
