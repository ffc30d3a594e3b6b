package dev.modelfleet.operator.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a Job and its Pods into a run's outcome, without a cluster. */
class RunProgressTest {
  private static final Instant FINISHED = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void podsSharingAQualitySuiteAreAddedUp() {
    Pod a = pod("q-eval-g1-0", 0, report(15, 20));
    Pod b = pod("q-eval-g1-1", 0, report(5, 10));

    RunProgress progress = RunProgress.of(complete(), List.of(a, b), "runner", FINISHED);

    assertThat(progress.outcome().phase()).isEqualTo(RunPhase.Succeeded);
    assertThat(progress.report().metrics())
        .contains(
            new RunReport.Metric("accuracy", 100.0 * 20 / 30, "percent", null, "capitals"),
            new RunReport.Metric("samples", 30, "count", null, "capitals"),
            new RunReport.Metric("correct", 20, "count", null, "capitals"));
  }

  @Test
  void aMissingReportIsALagAtFirstAndAFailureAfterTheGrace() {
    RunProgress early = RunProgress.of(complete(), List.of(), "runner", FINISHED.plusSeconds(5));
    assertThat(early.outcome().phase()).isEqualTo(RunPhase.Running);
    assertThat(early.outcome().reason()).isEqualTo("CollectingResults");

    RunProgress late =
        RunProgress.of(
            complete(),
            List.of(),
            "runner",
            FINISHED.plus(RunProgress.RESULTS_GRACE).plusSeconds(1));
    assertThat(late.outcome().phase()).isEqualTo(RunPhase.Failed);
    assertThat(late.outcome().reason()).isEqualTo("ResultsMissing");
  }

  @Test
  void truncatedResultsRaiseAWarning() {
    RunReport cut =
        new RunReport(
            "v", null, null, List.of(new RunReport.Metric("ttft_p50", 1, "ms", 1, null)), 7);
    RunProgress progress =
        RunProgress.of(
            complete(),
            List.of(pod("l-eval-g1-0", 0, RunReportCodec.encode(cut))),
            "runner",
            FINISHED);

    assertThat(progress.outcome().phase()).isEqualTo(RunPhase.Succeeded);
    assertThat(progress.warning().getReason()).isEqualTo("ResultsTruncated");
    assertThat(progress.warning().getMessage()).startsWith("7 figures did not fit");
  }

  private static String report(int correct, int samples) {
    return RunReportCodec.encode(
        new RunReport(
            "modelfleet-eval 1",
            "m",
            "sha256:x",
            List.of(
                new RunReport.Metric(
                    "accuracy", 100.0 * correct / samples, "percent", null, "capitals"),
                new RunReport.Metric("samples", samples, "count", null, "capitals"),
                new RunReport.Metric("correct", correct, "count", null, "capitals")),
            0));
  }

  private static Job complete() {
    return new JobBuilder()
        .withNewMetadata()
        .withName("q-eval-g1")
        .endMetadata()
        .withNewStatus()
        .withStartTime(FINISHED.minusSeconds(60).toString())
        .withCompletionTime(FINISHED.toString())
        .addNewCondition()
        .withType("Complete")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod pod(String name, int exitCode, String message) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(PodReports.JOB_NAME_LABEL, "q-eval-g1")
        .endMetadata()
        .withNewStatus()
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("runner")
                .withState(
                    new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withMessage(message)
                        .endTerminated()
                        .build())
                .build())
        .endStatus()
        .build();
  }
}
