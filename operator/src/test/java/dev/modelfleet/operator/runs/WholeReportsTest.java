package dev.modelfleet.operator.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.serving.jobs.ReportLog;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading cut reports back from the Pods' logs, without a cluster. */
class WholeReportsTest {
  private static final String NS = "team";
  private static final String JOB = "q-eval-g1";
  private static final String CONTAINER = "runner";

  /** More tasks than one termination message holds. */
  private static final int TASKS = 80;

  private final FakePodLogs logs = new FakePodLogs();

  @Test
  void cutReportsOfPodsSharingASuiteComeBackWholeAndAddedUp() {
    RunReport first = manyTasks(10);
    RunReport second = manyTasks(4);
    logs.put(NS, "q-0", CONTAINER, "chatter\n" + ReportLog.block(first) + "\n");
    logs.put(NS, "q-1", CONTAINER, ReportLog.block(second));
    List<Pod> pods =
        List.of(
            pod("q-0", 0, RunReportCodec.encode(first)),
            pod("q-1", 0, RunReportCodec.encode(second)),
            pod("q-retried", 1, "error: connection refused"));

    WholeReports.Whole whole = WholeReports.read(logs, NS, pods, JOB, CONTAINER);

    assertThat(whole.problem()).isNull();
    String lastTask = "task-" + (TASKS - 1);
    assertThat(whole.report().metrics())
        .contains(
            new RunReport.Metric("samples", 40, "count", null, lastTask),
            new RunReport.Metric("correct", 14, "count", null, lastTask),
            new RunReport.Metric("accuracy", 100.0 * 14 / 40, "percent", null, lastTask));
    assertThat(whole.report().dropped()).isZero();
    assertThat(logs.reads(NS, "q-retried", CONTAINER)).isZero();
  }

  @Test
  void aPodWhoseReportFitsIsNotReadAgain() {
    RunReport small =
        new RunReport("v", null, null, List.of(new RunReport.Metric("x", 1, "ms", 1, null)), 0);

    WholeReports.Whole whole =
        WholeReports.read(
            logs, NS, List.of(pod("q-0", 0, RunReportCodec.encode(small))), JOB, CONTAINER);

    assertThat(whole.report()).isEqualTo(small);
    assertThat(logs.reads(NS, "q-0", CONTAINER)).isZero();
  }

  @Test
  void anUnreadableLogNamesThePodAndWhy() {
    RunReport cut = manyTasks(1);

    WholeReports.Whole gone =
        WholeReports.read(
            logs, NS, List.of(pod("q-0", 0, RunReportCodec.encode(cut))), JOB, CONTAINER);
    logs.put(NS, "q-1", CONTAINER, "the runner printed no report\n");
    WholeReports.Whole rotated =
        WholeReports.read(
            logs, NS, List.of(pod("q-1", 0, RunReportCodec.encode(cut))), JOB, CONTAINER);

    assertThat(gone.report()).isNull();
    assertThat(gone.problem()).startsWith("Pod q-0: ").contains("not found");
    assertThat(rotated.report()).isNull();
    assertThat(rotated.problem()).startsWith("Pod q-1: ").contains(ReportLog.BEGIN);
  }

  private static RunReport manyTasks(int correct) {
    List<RunReport.Metric> metrics = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      metrics.add(new RunReport.Metric("accuracy", 5.0 * correct, "percent", null, "task-" + t));
      metrics.add(new RunReport.Metric("samples", 20, "count", null, "task-" + t));
      metrics.add(new RunReport.Metric("correct", correct, "count", null, "task-" + t));
    }
    RunReport report = new RunReport("modelfleet-eval 1", "m", "sha256:x", metrics, 0);
    assertThat(RunReportCodec.decode(RunReportCodec.encode(report)).dropped()).isPositive();
    return report;
  }

  private static Pod pod(String name, int exitCode, String message) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(PodReports.JOB_NAME_LABEL, JOB)
        .endMetadata()
        .withNewStatus()
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName(CONTAINER)
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
