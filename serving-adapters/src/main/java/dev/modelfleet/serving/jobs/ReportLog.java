package dev.modelfleet.serving.jobs;

import java.util.List;

/**
 * A whole {@link RunReport} in a runner's log, between two marker lines, so the operator can read
 * back the figures a 4 KiB termination message had no room for. The JSON between the markers is
 * {@link RunReportCodec}'s, without its size limit.
 */
public final class ReportLog {
  /** The line before the report. */
  public static final String BEGIN = "----- modelfleet-report begin -----";

  /** The line after the report. */
  public static final String END = "----- modelfleet-report end -----";

  /** The log has no size limit of its own worth encoding against: every figure is kept. */
  private static final int NO_LIMIT = Integer.MAX_VALUE;

  private ReportLog() {}

  /** The report as the lines a runner prints: BEGIN, the JSON on one line, END. */
  public static String block(RunReport report) {
    return BEGIN + "\n" + RunReportCodec.encode(report, NO_LIMIT) + "\n" + END;
  }

  /**
   * The last report printed in {@code log}; a log without a complete one fails with {@link
   * RunReportCodec.MalformedReportException} saying what is missing.
   */
  public static RunReport find(String log) {
    if (log == null || log.isBlank()) {
      throw new RunReportCodec.MalformedReportException("the log is empty");
    }
    List<String> lines = log.lines().map(String::strip).toList();
    int begin = lines.lastIndexOf(BEGIN);
    if (begin < 0) {
      throw new RunReportCodec.MalformedReportException(
          "the log has no line \"" + BEGIN + "\" (was it rotated, or is the runner older?)");
    }
    int end = lines.subList(begin + 1, lines.size()).indexOf(END);
    if (end < 0) {
      throw new RunReportCodec.MalformedReportException(
          "the report in the log is not closed by \"" + END + "\" (the log was cut short)");
    }
    String json = String.join("\n", lines.subList(begin + 1, begin + 1 + end));
    return RunReportCodec.decode(json);
  }
}
