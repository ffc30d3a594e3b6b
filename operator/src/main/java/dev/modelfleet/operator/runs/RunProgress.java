package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an EvalRun's Job and Pods say about the run: pure, so every outcome can be tested without a
 * cluster.
 *
 * @param outcome phase, reason and message
 * @param report the results, once succeeded
 * @param warning a Warning condition (results truncated), or null
 * @param startTime when the Job started
 * @param completionTime when it finished
 */
public record RunProgress(
    RunOutcome outcome,
    RunReport report,
    Condition warning,
    String startTime,
    String completionTime) {

  /** Raw output quoted in a condition is cut to this: enough to recognise the failure. */
  static final int RAW_OUTPUT_CHARS = 512;

  /**
   * The Pod informer may deliver the finished Pod after the Job's Complete condition; past this
   * after completion, a missing report is a failure rather than a lag.
   */
  static final Duration RESULTS_GRACE = Duration.ofMinutes(2);

  public static RunProgress of(Job job, List<Pod> pods, String reportContainer, Instant now) {
    JobProgress progress = JobProgress.of(job);
    String name = job.getMetadata().getName();
    List<PodReports.Terminated> ended =
        PodReports.terminated(PodReports.ofJob(pods, name), reportContainer);
    return switch (progress.state()) {
      case PENDING ->
          of(
              progress,
              RunOutcome.pending(
                  "JobPending", "Job " + name + " is waiting for its Pod to start."));
      case RUNNING ->
          of(progress, RunOutcome.running("JobRunning", "Job " + name + " is running."));
      case TIMED_OUT ->
          of(
              progress,
              RunOutcome.failed(
                  "JobTimedOut",
                  "Job "
                      + name
                      + " ran past spec.timeoutSeconds and was stopped: raise"
                      + " timeoutSeconds or shrink the suite."
                      + lastError(ended)));
      case FAILED ->
          of(
              progress,
              RunOutcome.failed(
                  "JobFailed",
                  "Job "
                      + name
                      + " failed"
                      + (progress.message() == null ? "" : " (" + progress.message() + ")")
                      + "."
                      + lastError(ended)));
      case SUCCEEDED -> succeeded(progress, name, ended, now);
    };
  }

  private static RunProgress succeeded(
      JobProgress progress, String jobName, List<PodReports.Terminated> ended, Instant now) {
    List<PodReports.Terminated> ok = ended.stream().filter(t -> t.exitCode() == 0).toList();
    if (ok.isEmpty()) {
      if (finishedLongAgo(progress.completionTime(), now)) {
        return of(
            progress,
            RunOutcome.failed(
                "ResultsMissing",
                "Job "
                    + jobName
                    + " succeeded but no Pod of it holds a runner report (were its"
                    + " Pods deleted?): re-run by changing the spec or creating a new run."));
      }
      return of(
          progress,
          RunOutcome.running(
              "CollectingResults", "Job " + jobName + " succeeded; reading its results."));
    }
    List<RunReport> reports = new ArrayList<>();
    for (PodReports.Terminated t : ok) {
      try {
        reports.add(RunReportCodec.decode(t.message()));
      } catch (RunReportCodec.MalformedReportException e) {
        return of(
            progress,
            RunOutcome.failed(
                "ResultsUnreadable",
                "The output of Pod "
                    + t.pod()
                    + " is not a report ("
                    + e.getMessage()
                    + "); raw output: "
                    + PodReports.truncate(t.message(), RAW_OUTPUT_CHARS)));
      }
    }
    RunReport report = ReportMerge.merge(reports);
    Condition warning =
        report.dropped() == 0
            ? null
            : new ConditionBuilder()
                .withType(ConditionTypes.WARNING)
                .withStatus("True")
                .withReason("ResultsTruncated")
                .withMessage(
                    report.dropped()
                        + " figures did not fit in the 4 KiB termination"
                        + " message and are only in its log: kubectl logs job/"
                        + jobName)
                .build();
    return new RunProgress(
        RunOutcome.succeeded(
            "ResultsRecorded",
            report.metrics().size() + " results recorded from Job " + jobName + "."),
        report,
        warning,
        progress.startTime(),
        progress.completionTime());
  }

  private static RunProgress of(JobProgress progress, RunOutcome outcome) {
    return new RunProgress(outcome, null, null, progress.startTime(), progress.completionTime());
  }

  private static String lastError(List<PodReports.Terminated> ended) {
    return ended.stream()
        .filter(t -> t.exitCode() != 0 && t.message() != null && !t.message().isBlank())
        .reduce((a, b) -> b)
        .map(t -> " The runner said: " + PodReports.truncate(t.message().strip(), RAW_OUTPUT_CHARS))
        .orElse("");
  }

  private static boolean finishedLongAgo(String completionTime, Instant now) {
    if (completionTime == null) {
      return false;
    }
    try {
      return Instant.parse(completionTime).plus(RESULTS_GRACE).isBefore(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
