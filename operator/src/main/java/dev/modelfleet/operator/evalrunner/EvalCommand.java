package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modelfleet.serving.jobs.ReportLog;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import dev.modelfleet.serving.jobs.RunnerContract;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in eval runner: {@code java -jar quarkus-run.jar eval <latency|quality|lm-eval-report|
 * trainer-report> --flag value ...}. It prints the full report as JSON on stdout (the Pod's log),
 * readable and again between {@link ReportLog}'s marker lines, and writes it compactly to the
 * termination message, where the operator reads it; a failure writes {@code error: <why>} there
 * instead and exits 1. It never starts Quarkus or the operator.
 */
public final class EvalCommand {
  static final int OK = 0;
  static final int FAILED = 1;

  /** Room kept for the "error: " prefix within the termination message limit. */
  private static final int ERROR_MESSAGE_LIMIT = RunReportCodec.TERMINATION_MESSAGE_LIMIT - 16;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  EvalCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** Runs the runner with the process environment; returns the exit status. */
  public static int run(String... args) {
    return new EvalCommand(System.getenv(), System.out, System.err).execute(Arrays.asList(args));
  }

  int execute(List<String> args) {
    if (args.isEmpty()) {
      err.println(usage());
      return FAILED;
    }
    RunnerArgs flags;
    try {
      flags = RunnerArgs.parse(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      err.println("eval: " + e.getMessage() + "\n" + usage());
      return FAILED;
    }
    Path reportFile =
        Path.of(flags.optional(RunnerContract.REPORT_FILE).orElse(RunnerContract.TERMINATION_LOG));
    try {
      RunReport report = report(args.get(0), flags);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      // The same report between marker lines, for the operator when the message below is cut.
      out.println(ReportLog.block(report));
      write(reportFile, RunReportCodec.encode(report));
      return OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(reportFile, "interrupted");
    } catch (IOException | RuntimeException e) {
      return fail(reportFile, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private RunReport report(String command, RunnerArgs flags)
      throws IOException, InterruptedException {
    return switch (command) {
      case RunnerContract.LATENCY -> latency(flags);
      case RunnerContract.QUALITY -> quality(flags);
      case RunnerContract.LM_EVAL_REPORT ->
          new RunReport(
              RunnerVersion.CURRENT,
              null,
              null,
              LmEvalResults.read(Path.of(flags.required(RunnerContract.DIRECTORY))),
              0);
      case RunnerContract.TRAINER_REPORT ->
          new RunReport(
              RunnerVersion.CURRENT,
              null,
              null,
              TrainerReport.read(Path.of(flags.required(RunnerContract.DIRECTORY))),
              0);
      default ->
          throw new IllegalArgumentException("unknown eval command " + command + "\n" + usage());
    };
  }

  private RunReport latency(RunnerArgs flags) throws InterruptedException {
    String model = flags.required(RunnerContract.MODEL);
    LatencySuite suite =
        new LatencySuite(
            client(flags, model),
            flags.positiveInt(RunnerContract.PROMPT_TOKENS),
            flags.positiveInt(RunnerContract.OUTPUT_TOKENS),
            flags.positiveInt(RunnerContract.REQUESTS_PER_STEP));
    return new RunReport(
        RunnerVersion.CURRENT,
        model,
        null,
        suite.run(flags.positiveInts(RunnerContract.CONCURRENCY)),
        0);
  }

  private RunReport quality(RunnerArgs flags) throws IOException, InterruptedException {
    String model = flags.required(RunnerContract.MODEL);
    QualityDataset dataset =
        flags.optional(RunnerContract.BUILTIN_DATASET).isPresent()
            ? QualityDataset.builtin(flags.required(RunnerContract.BUILTIN_DATASET))
            : QualityDataset.file(Path.of(flags.required(RunnerContract.DATASET_FILE)));
    int shards = envInt(RunnerContract.SHARD_COUNT_ENV).orElse(1);
    Optional<Integer> completionIndex = envInt(RunnerContract.COMPLETION_INDEX_ENV);
    if (shards > 1 && completionIndex.isEmpty()) {
      // Without Indexed Jobs every Pod would score the same share and the counts would double.
      throw new IllegalStateException(
          "spec.parallelism above 1 needs Indexed Jobs (Kubernetes 1.22 or later), and this Pod"
              + " has no JOB_COMPLETION_INDEX: set spec.parallelism to 1");
    }
    int index = completionIndex.orElse(0);
    if (index < 0 || index >= shards) {
      throw new IllegalStateException(
          "JOB_COMPLETION_INDEX " + index + " is outside the " + shards + " shards");
    }
    var samples =
        dataset.select(flags.optionalPositiveInt(RunnerContract.LIMIT).orElse(null), index, shards);
    QualitySuite suite =
        new QualitySuite(
            client(flags, model),
            AnswerScorer.forTaskType(flags.required(RunnerContract.TASK_TYPE)),
            flags.positiveInt(RunnerContract.MAX_OUTPUT_TOKENS));
    return new RunReport(
        RunnerVersion.CURRENT, model, dataset.sha256(), suite.run(dataset.task(), samples), 0);
  }

  private OpenAiClient client(RunnerArgs flags, String model) {
    return new OpenAiClient(
        flags.required(RunnerContract.ENDPOINT),
        model,
        Optional.ofNullable(env.get(RunnerContract.API_KEY_ENV)).filter(k -> !k.isBlank()));
  }

  private Optional<Integer> envInt(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + value);
    }
  }

  private int fail(Path reportFile, String why) {
    err.println("eval: " + why);
    String message =
        why.length() > ERROR_MESSAGE_LIMIT ? why.substring(0, ERROR_MESSAGE_LIMIT) : why;
    try {
      write(reportFile, "error: " + message);
    } catch (IOException e) {
      err.println("eval: could not write " + reportFile + ": " + e.getMessage());
    }
    return FAILED;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String usage() {
    return "usage: eval latency|quality|lm-eval-report|trainer-report --flag value ...";
  }
}
