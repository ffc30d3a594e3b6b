package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelfleet.serving.jobs.RunReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores samples one answer each, at temperature 0. Reports accuracy (percent of the samples
 * scored), the samples and correct answers counted (so Pods sharing the samples can be added up),
 * and the requests that failed (scored as wrong).
 */
final class QualitySuite {
  /** Requests in flight: keeps a server's batch busy without turning scoring into a load test. */
  static final int CONCURRENCY = 8;

  private static final double PERCENT = 100.0;

  private final OpenAiClient client;
  private final AnswerScorer scorer;
  private final int maxOutputTokens;

  QualitySuite(OpenAiClient client, AnswerScorer scorer, int maxOutputTokens) {
    this.client = client;
    this.scorer = scorer;
    this.maxOutputTokens = maxOutputTokens;
  }

  List<RunReport.Metric> run(String task, List<JsonNode> samples) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    List<Future<Outcome>> outcomes = new ArrayList<>();
    for (JsonNode sample : samples) {
      String prompt = scorer.prompt(sample); // bad samples fail here, before any request
      outcomes.add(pool.submit(() -> score(sample, prompt)));
    }
    pool.shutdown();
    int correct = 0;
    int errors = 0;
    String firstError = null;
    for (Future<Outcome> f : outcomes) {
      Outcome o;
      try {
        o = f.get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
      }
      if (o.correct()) {
        correct++;
      }
      if (o.error() != null) {
        errors++;
        firstError = firstError == null ? o.error() : firstError;
      }
    }
    if (!samples.isEmpty() && errors == samples.size()) {
      throw new IllegalStateException("every request failed; the first error: " + firstError);
    }
    double accuracy = samples.isEmpty() ? 0 : PERCENT * correct / samples.size();
    return List.of(
        new RunReport.Metric("accuracy", accuracy, "percent", null, task),
        new RunReport.Metric("samples", samples.size(), "count", null, task),
        new RunReport.Metric("correct", correct, "count", null, task),
        new RunReport.Metric("request_errors", errors, "count", null, task));
  }

  private Outcome score(JsonNode sample, String prompt) throws InterruptedException {
    try {
      String answer = client.complete(prompt, maxOutputTokens);
      return new Outcome(scorer.correct(sample, answer), null);
    } catch (IOException e) {
      return new Outcome(false, e.getMessage());
    }
  }

  private record Outcome(boolean correct, String error) {}
}
