package dev.modelfleet.serving.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportLogTest {
  private static final String VERSION = "modelfleet-eval 1";

  /** More figures than a termination message holds: 40 tasks of four figures each. */
  private static RunReport large() {
    List<RunReport.Metric> metrics = new ArrayList<>();
    for (int task = 0; task < 40; task++) {
      String name = "task-with-a-long-name-" + task;
      metrics.add(new RunReport.Metric("accuracy", 50 + task * 0.25, "percent", null, name));
      metrics.add(new RunReport.Metric("samples", 200, "count", null, name));
      metrics.add(new RunReport.Metric("correct", 100 + task, "count", null, name));
      metrics.add(new RunReport.Metric("request_errors", 0, "count", null, name));
    }
    return new RunReport(VERSION, "llama", "sha256:" + "cd".repeat(32), metrics, 0);
  }

  @Test
  void aLargeReportComesBackWholeFromTheLogBetweenOtherOutput() {
    RunReport report = large();
    assertThat(RunReportCodec.decode(RunReportCodec.encode(report)).dropped()).isPositive();
    String log =
        "Starting quality suite\n"
            + "{ \"pretty\": \"copy for people\" }\n"
            + ReportLog.block(report)
            + "\nbye\n";

    RunReport found = ReportLog.find(log);

    assertThat(found.metrics()).isEqualTo(report.metrics());
    assertThat(found.dropped()).isZero();
    assertThat(found.runnerVersion()).isEqualTo(VERSION);
    assertThat(found.datasetHash()).isEqualTo(report.datasetHash());
  }

  @Test
  void theLastReportWinsAndWindowsLineEndsAreRead() {
    RunReport first =
        new RunReport(VERSION, null, null, List.of(new RunReport.Metric("x", 1, "ms", 1, null)), 0);
    RunReport second =
        new RunReport(VERSION, null, null, List.of(new RunReport.Metric("x", 2, "ms", 1, null)), 0);
    String log = (ReportLog.block(first) + "\n" + ReportLog.block(second)).replace("\n", "\r\n");

    assertThat(ReportLog.find(log).metrics())
        .singleElement()
        .satisfies(m -> assertThat(m.value()).isEqualTo(2));
  }

  @Test
  void aLogWithoutACompleteReportSaysWhatIsMissing() {
    assertThatThrownBy(() -> ReportLog.find(""))
        .isInstanceOf(RunReportCodec.MalformedReportException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ReportLog.find("only chatter\n"))
        .isInstanceOf(RunReportCodec.MalformedReportException.class)
        .hasMessageContaining(ReportLog.BEGIN);
    String cut = ReportLog.block(large());
    assertThatThrownBy(() -> ReportLog.find(cut.substring(0, cut.length() - 200)))
        .isInstanceOf(RunReportCodec.MalformedReportException.class)
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> ReportLog.find(ReportLog.BEGIN + "\nnot json\n" + ReportLog.END))
        .isInstanceOf(RunReportCodec.MalformedReportException.class)
        .hasMessageContaining("not JSON");
  }
}
