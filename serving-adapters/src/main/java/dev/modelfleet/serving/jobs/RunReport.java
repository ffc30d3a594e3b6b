package dev.modelfleet.serving.jobs;

import java.util.List;

/**
 * What a runner or trainer Pod reports in its termination message: its figures and what they were
 * measured with. Read back by the operator into the run's status.
 *
 * @param runnerVersion the runner that measured (methodology version)
 * @param servedModel the model id the endpoint reported, when it reported one
 * @param datasetHash SHA-256 of the samples scored ({@code sha256:<hex>}), for quality suites
 * @param metrics the figures, in the order measured
 * @param dropped how many figures did not fit in the termination message and are only in the logs
 */
public record RunReport(
    String runnerVersion,
    String servedModel,
    String datasetHash,
    List<Metric> metrics,
    int dropped) {

  /** Copies the metrics. */
  public RunReport {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }

  /**
   * One figure.
   *
   * @param name e.g. ttft_p50, accuracy, final_train_loss
   * @param value the value in {@code unit}
   * @param unit ms, s, tokens/s, requests/s, ratio, percent, count, bytes or loss
   * @param concurrency the load step it was measured at (latency suite), else null
   * @param task the task it was scored on (quality suites), else null
   */
  public record Metric(String name, double value, String unit, Integer concurrency, String task) {}
}
