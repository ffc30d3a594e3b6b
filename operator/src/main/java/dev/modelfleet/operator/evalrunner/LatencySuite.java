package dev.modelfleet.operator.evalrunner;

import dev.modelfleet.serving.jobs.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load steps at fixed concurrency, as genai-bench and GuideLLM run them: at each step, {@code
 * concurrency} workers send streamed requests back to back until the step's requests are spent.
 * Each step reports TTFT and inter-token latency (p50, p95), end-to-end latency (p50), output
 * tokens/s and requests/s over the step's wall time, and the error rate.
 */
final class LatencySuite {
  private final OpenAiClient client;
  private final int promptTokens;
  private final int outputTokens;
  private final int requestsPerStep;
  private String firstError;

  LatencySuite(OpenAiClient client, int promptTokens, int outputTokens, int requestsPerStep) {
    this.client = client;
    this.promptTokens = promptTokens;
    this.outputTokens = outputTokens;
    this.requestsPerStep = requestsPerStep;
  }

  /**
   * Runs every step. Fails when no request at all succeeded, naming the first error: figures from
   * an endpoint that never answered would only mislead.
   */
  List<RunReport.Metric> run(List<Integer> concurrencySteps) throws InterruptedException {
    List<RunReport.Metric> metrics = new ArrayList<>();
    for (int concurrency : concurrencySteps) {
      metrics.addAll(step(concurrency));
    }
    if (metrics.stream().noneMatch(m -> m.name().equals("ttft_p50"))) {
      throw new IllegalStateException("every request failed; the first error: " + firstError);
    }
    return metrics;
  }

  List<RunReport.Metric> step(int concurrency) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<StreamTiming> timings = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      running.add(
          workers.submit(
              () -> {
                int n;
                while ((n = next.getAndIncrement()) < requestsPerStep) {
                  timings.add(client.stream(SyntheticPrompt.of(promptTokens, n), outputTokens));
                }
              }));
    }
    workers.shutdown();
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a load worker failed", e.getCause());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (firstError == null) {
      firstError = firstError(timings);
    }
    return summarise(concurrency, timings, seconds);
  }

  static List<RunReport.Metric> summarise(
      int concurrency, List<StreamTiming> timings, double seconds) {
    List<Double> ttft = new ArrayList<>();
    List<Double> itl = new ArrayList<>();
    List<Double> e2e = new ArrayList<>();
    long tokens = 0;
    int ok = 0;
    for (StreamTiming t : timings) {
      if (!t.ok()) {
        continue;
      }
      ok++;
      tokens += t.outputTokens();
      ttft.add(t.ttftMillis());
      e2e.add(t.endToEndMillis());
      if (!Double.isNaN(t.interTokenMillis())) {
        itl.add(t.interTokenMillis());
      }
    }
    List<RunReport.Metric> metrics = new ArrayList<>();
    add(metrics, "ttft_p50", Percentiles.of(ttft, 50), "ms", concurrency);
    add(metrics, "ttft_p95", Percentiles.of(ttft, 95), "ms", concurrency);
    add(metrics, "itl_p50", Percentiles.of(itl, 50), "ms", concurrency);
    add(metrics, "itl_p95", Percentiles.of(itl, 95), "ms", concurrency);
    add(metrics, "e2e_latency_p50", Percentiles.of(e2e, 50), "ms", concurrency);
    add(metrics, "output_tokens_per_second", tokens / seconds, "tokens/s", concurrency);
    add(metrics, "requests_per_second", ok / seconds, "requests/s", concurrency);
    double errors = timings.isEmpty() ? 0 : (double) (timings.size() - ok) / timings.size();
    add(metrics, "error_rate", errors, "ratio", concurrency);
    return metrics;
  }

  /** A figure with no successful request behind it (NaN) is left out rather than reported as 0. */
  private static void add(
      List<RunReport.Metric> metrics, String name, double value, String unit, int c) {
    if (Double.isFinite(value)) {
      metrics.add(new RunReport.Metric(name, value, unit, c, null));
    }
  }

  /** The first failure's reason, for the log. */
  static String firstError(List<StreamTiming> timings) {
    return timings.stream().filter(t -> !t.ok()).map(StreamTiming::error).findFirst().orElse(null);
  }
}
