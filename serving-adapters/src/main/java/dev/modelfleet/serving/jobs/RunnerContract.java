package dev.modelfleet.serving.jobs;

/**
 * What the rendered Jobs and the built-in runner ({@code java -jar quarkus-run.jar eval ...}) agree
 * on: sub-commands, flags and paths. Both sides use these names, so they cannot drift apart.
 */
public final class RunnerContract {
  /** The runner's top-level sub-command of the operator jar. */
  public static final String EVAL = "eval";

  /** Runs the latency suite against an endpoint. */
  public static final String LATENCY = "latency";

  /** Runs a quality suite (exact-match, multiple-choice, pass@1) against an endpoint. */
  public static final String QUALITY = "quality";

  /** Summarises an lm-evaluation-harness output directory into a run report. */
  public static final String LM_EVAL_REPORT = "lm-eval-report";

  /** Summarises a trainer's output directory (loss figures, adapter size) into a run report. */
  public static final String TRAINER_REPORT = "trainer-report";

  public static final String ENDPOINT = "--endpoint";
  public static final String MODEL = "--model";
  public static final String CONCURRENCY = "--concurrency";
  public static final String PROMPT_TOKENS = "--prompt-tokens";
  public static final String OUTPUT_TOKENS = "--output-tokens";
  public static final String REQUESTS_PER_STEP = "--requests-per-step";
  public static final String TASK_TYPE = "--task-type";
  public static final String DATASET_FILE = "--dataset-file";
  public static final String BUILTIN_DATASET = "--builtin-dataset";
  public static final String LIMIT = "--limit";
  public static final String MAX_OUTPUT_TOKENS = "--max-output-tokens";
  public static final String DIRECTORY = "--dir";
  public static final String REPORT_FILE = "--report-file";

  /** Environment variable carrying the API key when the target needs one. */
  public static final String API_KEY_ENV = "MODELFLEET_EVAL_API_KEY";

  /** Set by Kubernetes in Indexed Jobs: which share of the samples this Pod scores. */
  public static final String COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";

  /** How many Pods share the samples (the Job's completions). */
  public static final String SHARD_COUNT_ENV = "MODELFLEET_EVAL_SHARDS";

  /** Where Kubernetes reads a container's termination message by default. */
  public static final String TERMINATION_LOG = "/dev/termination-log";

  /** Mount point of the dataset in runner and trainer Pods. */
  public static final String DATASET_MOUNT = "/dataset";

  /** Mount point of the shared results directory (lm-eval output, trainer output). */
  public static final String RESULTS_MOUNT = "/results";

  /** Mount point of the writable scratch directory (HOME, caches, the JVM's /tmp). */
  public static final String SCRATCH_MOUNT = "/tmp";

  private RunnerContract() {}
}
