package dev.modelfleet.operator.evalrunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelfleet.serving.jobs.ReportLog;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner over real HTTP against a simulated engine with known delays. */
class EvalCommandTest {
  private static final long TTFT_MS = 150;
  private static final long ITL_MS = 20;
  private static final int OUTPUT_TOKENS = 10;

  /** Sleeps and scheduling only ever add time; on a busy machine they add up to this much. */
  private static final double TTFT_SLACK_MS = 100;

  private static final double ITL_SLACK_MS = 10;

  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void latencyFiguresMatchTheEnginesDelays() throws Exception {
    try (SimulatedEngine engine = new SimulatedEngine(TTFT_MS, ITL_MS, p -> "")) {
      int exit =
          command(Map.of())
              .execute(
                  List.of(
                      "latency",
                      "--endpoint",
                      engine.baseUrl(),
                      "--model",
                      "llama-8b",
                      "--concurrency",
                      "1,4",
                      "--prompt-tokens",
                      "32",
                      "--output-tokens",
                      Integer.toString(OUTPUT_TOKENS),
                      "--requests-per-step",
                      "8",
                      "--report-file",
                      dir.resolve("report").toString()));

      assertThat(exit).as(stderr.toString()).isZero();
      RunReport report = RunReportCodec.decode(Files.readString(dir.resolve("report")));
      assertThat(report.servedModel()).isEqualTo("llama-8b");
      assertThat(report.runnerVersion()).isEqualTo(RunnerVersion.CURRENT);
      assertThat(engine.requests.get()).isEqualTo(16);
      for (int c : List.of(1, 4)) {
        assertThat(value(report, "ttft_p50", c))
            .isBetween((double) TTFT_MS, TTFT_MS + TTFT_SLACK_MS);
        assertThat(value(report, "itl_p50", c)).isBetween((double) ITL_MS, ITL_MS + ITL_SLACK_MS);
        assertThat(value(report, "error_rate", c)).isZero();
        double requestMs = TTFT_MS + (OUTPUT_TOKENS - 1) * ITL_MS;
        assertThat(value(report, "e2e_latency_p50", c))
            .isBetween(requestMs, requestMs + TTFT_SLACK_MS + OUTPUT_TOKENS * ITL_SLACK_MS);
      }
      // The engine never slows down under load, so four workers move about four times the tokens.
      double ratio =
          value(report, "output_tokens_per_second", 4)
              / value(report, "output_tokens_per_second", 1);
      assertThat(ratio).isCloseTo(4.0, within(0.8));
      double perRequest = 1000.0 / (TTFT_MS + (OUTPUT_TOKENS - 1) * ITL_MS);
      assertThat(value(report, "requests_per_second", 1))
          .isCloseTo(perRequest, within(perRequest * 0.3));
      assertThat(stdout.toString()).contains("\"ttft_p95\"");
      assertThat(ReportLog.find(stdout.toString()).metrics()).hasSize(report.metrics().size());
    }
  }

  @Test
  void qualityScoresExactMatchesAndSendsTheApiKey() throws Exception {
    // Right on everything but the capital of Australia.
    try (SimulatedEngine engine =
        new SimulatedEngine(0, 0, p -> p.contains("Australia") ? "Sydney" : answerFor(p))) {
      int exit =
          command(Map.of("MODELFLEET_EVAL_API_KEY", "sk-test"))
              .execute(
                  List.of(
                      "quality",
                      "--endpoint",
                      engine.baseUrl(),
                      "--model",
                      "chat",
                      "--task-type",
                      "exact-match",
                      "--builtin-dataset",
                      "capitals",
                      "--max-output-tokens",
                      "16",
                      "--report-file",
                      dir.resolve("report").toString()));

      assertThat(exit).as(stderr.toString()).isZero();
      RunReport report = RunReportCodec.decode(Files.readString(dir.resolve("report")));
      assertThat(value(report, "samples", null)).isEqualTo(20.0);
      assertThat(value(report, "correct", null)).isEqualTo(19.0);
      assertThat(value(report, "accuracy", null)).isEqualTo(95.0);
      assertThat(report.metrics().get(0).task()).isEqualTo("capitals");
      assertThat(report.datasetHash()).startsWith("sha256:").hasSize(71);
      assertThat(engine.lastAuthorization).isEqualTo("Bearer sk-test");
    }
  }

  @Test
  void qualitySharesSamplesBetweenIndexedPods() throws Exception {
    Path data = dir.resolve("mc.jsonl");
    Files.writeString(
        data,
        "{\"question\":\"1+1?\",\"choices\":[\"2\",\"3\"],\"answer\":\"A\"}\n"
            + "{\"question\":\"2+2?\",\"choices\":[\"3\",\"4\"],\"answer\":1}\n"
            + "{\"question\":\"3+3?\",\"choices\":[\"6\",\"7\"],\"answer\":\"A\"}\n");
    try (SimulatedEngine engine = new SimulatedEngine(0, 0, p -> "The answer is B.")) {
      int exit =
          command(Map.of("JOB_COMPLETION_INDEX", "1", "MODELFLEET_EVAL_SHARDS", "2"))
              .execute(
                  List.of(
                      "quality",
                      "--endpoint",
                      engine.baseUrl(),
                      "--model",
                      "m",
                      "--task-type",
                      "multiple-choice",
                      "--dataset-file",
                      data.toString(),
                      "--max-output-tokens",
                      "4",
                      "--report-file",
                      dir.resolve("report").toString()));

      assertThat(exit).as(stderr.toString()).isZero();
      RunReport report = RunReportCodec.decode(Files.readString(dir.resolve("report")));
      // Pod 1 of 2 scores only the second sample, whose answer (index 1) is B.
      assertThat(engine.requests.get()).isEqualTo(1);
      assertThat(value(report, "accuracy", null)).isEqualTo(100.0);
      assertThat(report.metrics().get(0).task()).isEqualTo("mc");
    }
  }

  @Test
  void sharingSamplesWithoutIndexedJobsIsRefused() throws Exception {
    int exit =
        command(Map.of("MODELFLEET_EVAL_SHARDS", "2"))
            .execute(
                List.of(
                    "quality",
                    "--endpoint",
                    "http://127.0.0.1:9",
                    "--model",
                    "m",
                    "--task-type",
                    "exact-match",
                    "--builtin-dataset",
                    "arithmetic",
                    "--max-output-tokens",
                    "4",
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).isEqualTo(EvalCommand.FAILED);
    assertThat(Files.readString(dir.resolve("report")))
        .contains("needs Indexed Jobs (Kubernetes 1.22 or later)");
  }

  @Test
  void anUnreachableEndpointFailsWithTheReasonInTheTerminationMessage() throws Exception {
    int port;
    try (SimulatedEngine engine = new SimulatedEngine(0, 0, p -> "")) {
      port = Integer.parseInt(engine.baseUrl().substring(engine.baseUrl().lastIndexOf(':') + 1));
    }
    int exit =
        command(Map.of())
            .execute(
                List.of(
                    "latency",
                    "--endpoint",
                    "http://127.0.0.1:" + port,
                    "--model",
                    "m",
                    "--concurrency",
                    "1",
                    "--prompt-tokens",
                    "8",
                    "--output-tokens",
                    "4",
                    "--requests-per-step",
                    "2",
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).isEqualTo(EvalCommand.FAILED);
    assertThat(Files.readString(dir.resolve("report")))
        .startsWith("error: every request failed; the first error: ConnectException");
  }

  @Test
  void badFlagsNameTheFlag() throws Exception {
    int exit =
        command(Map.of())
            .execute(
                List.of(
                    "latency",
                    "--endpoint",
                    "http://x",
                    "--model",
                    "m",
                    "--concurrency",
                    "0",
                    "--prompt-tokens",
                    "8",
                    "--output-tokens",
                    "4",
                    "--requests-per-step",
                    "2",
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).isEqualTo(EvalCommand.FAILED);
    assertThat(Files.readString(dir.resolve("report")))
        .isEqualTo("error: --concurrency must be a whole number of 1 or more, not 0");
  }

  @Test
  void lmEvalReportReadsTheHarnessResults() throws Exception {
    Path out = Files.createDirectories(dir.resolve("results/meta-llama__Llama-3.1-8B"));
    Files.writeString(
        out.resolve("results_2025-01-01T00-00-00.json"),
        "{\"results\":{\"gsm8k\":{\"alias\":\"gsm8k\",\"exact_match,strict-match\":0.75,"
            + "\"exact_match_stderr,strict-match\":0.01,\"exact_match,flexible-extract\":0.78},"
            + "\"arc_easy\":{\"acc,none\":0.8,\"acc_stderr,none\":0.02}}}");

    int exit =
        command(Map.of())
            .execute(
                List.of(
                    "lm-eval-report",
                    "--dir",
                    dir.resolve("results").toString(),
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).as(stderr.toString()).isZero();
    RunReport report = RunReportCodec.decode(Files.readString(dir.resolve("report")));
    assertThat(report.metrics())
        .containsExactly(
            new RunReport.Metric("exact_match/strict-match", 0.75, "ratio", null, "gsm8k"),
            new RunReport.Metric("exact_match/flexible-extract", 0.78, "ratio", null, "gsm8k"),
            new RunReport.Metric("acc", 0.8, "ratio", null, "arc_easy"));
  }

  @Test
  void trainerReportReadsLossesFromTheLastCheckpointAndSizesTheAdapter() throws Exception {
    Path out = Files.createDirectories(dir.resolve("support-tone"));
    Files.write(out.resolve("adapter_model.safetensors"), new byte[1000]);
    Files.writeString(out.resolve("adapter_config.json"), "{\"r\":16}");
    Path checkpoint = Files.createDirectories(out.resolve("checkpoint-20"));
    Files.createDirectories(out.resolve("checkpoint-3"));
    Files.writeString(
        checkpoint.resolve("trainer_state.json"),
        "{\"global_step\":20,\"epoch\":2.0,\"log_history\":["
            + "{\"loss\":2.5,\"step\":10},{\"eval_loss\":2.1,\"step\":10},"
            + "{\"loss\":1.25,\"step\":20},{\"train_loss\":1.8,\"step\":20}]}");

    int exit =
        command(Map.of())
            .execute(
                List.of(
                    "trainer-report",
                    "--dir",
                    out.toString(),
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).as(stderr.toString()).isZero();
    RunReport report = RunReportCodec.decode(Files.readString(dir.resolve("report")));
    assertThat(value(report, "initial_train_loss", null)).isEqualTo(2.5);
    assertThat(value(report, "final_train_loss", null)).isEqualTo(1.25);
    assertThat(value(report, "final_eval_loss", null)).isEqualTo(2.1);
    assertThat(value(report, "steps", null)).isEqualTo(20.0);
    assertThat(value(report, "epochs", null)).isEqualTo(2.0);
    assertThat(value(report, "adapter_size_bytes", null)).isEqualTo(1008.0);
  }

  @Test
  void trainerReportFailsWhenTheAdapterIsMissing() throws Exception {
    int exit =
        command(Map.of())
            .execute(
                List.of(
                    "trainer-report",
                    "--dir",
                    dir.toString(),
                    "--report-file",
                    dir.resolve("report").toString()));

    assertThat(exit).isEqualTo(EvalCommand.FAILED);
    assertThat(Files.readString(dir.resolve("report"))).contains("the adapter is missing");
  }

  @Test
  void builtinDatasetsAreWellFormed() throws Exception {
    for (String name : QualityDataset.BUILTIN) {
      QualityDataset dataset = QualityDataset.builtin(name);
      assertThat(dataset.samples()).as(name).hasSizeGreaterThanOrEqualTo(8);
      String taskType =
          switch (name) {
            case "science-mc" -> "multiple-choice";
            case "python-basics" -> "pass@1";
            default -> "exact-match";
          };
      AnswerScorer scorer = AnswerScorer.forTaskType(taskType);
      dataset.samples().forEach(s -> assertThat(scorer.prompt(s)).isNotBlank());
    }
  }

  @Test
  void exactMatchNormalisesCaseSpacesQuotesAndAFinalStop() {
    assertThat(AnswerScorer.ExactMatch.normalise("  \"Buenos   Aires.\" "))
        .isEqualTo("buenos aires");
  }

  private EvalCommand command(Map<String, String> env) {
    return new EvalCommand(
        env,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  private static double value(RunReport report, String name, Integer concurrency) {
    Optional<RunReport.Metric> metric =
        report.metrics().stream()
            .filter(
                m ->
                    m.name().equals(name) && java.util.Objects.equals(m.concurrency(), concurrency))
            .findFirst();
    assertThat(metric)
        .as(name + " at " + concurrency + " in " + new ArrayList<>(report.metrics()))
        .isPresent();
    return metric.get().value();
  }

  /** The builtin capitals' answers, looked up by the country in the prompt. */
  private static String answerFor(String prompt) {
    Map<String, String> capitals =
        Map.ofEntries(
            Map.entry("France", "Paris"),
            Map.entry("Japan", "Tokyo"),
            Map.entry("Canada", "Ottawa"),
            Map.entry("Australia", "Canberra"),
            Map.entry("Chile", "Santiago"),
            Map.entry("Kenya", "Nairobi"),
            Map.entry("Egypt", "Cairo"),
            Map.entry("Norway", "Oslo"),
            Map.entry("Argentina", "Buenos Aires"),
            Map.entry("India", "New Delhi"),
            Map.entry("Italy", "Rome"),
            Map.entry("Spain", "Madrid"),
            Map.entry("Germany", "Berlin"),
            Map.entry("Mexico", "Mexico City."),
            Map.entry("South Korea", "Seoul"),
            Map.entry("Portugal", "Lisbon"),
            Map.entry("Peru", "Lima"),
            Map.entry("Thailand", "Bangkok"),
            Map.entry("Poland", "Warsaw"),
            Map.entry("Ireland", "dublin"));
    return capitals.entrySet().stream()
        .filter(e -> prompt.contains(" " + e.getKey() + "?"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("no idea");
  }
}
