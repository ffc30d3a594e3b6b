package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.LatencyProfile;
import dev.modelfleet.crds.v1alpha1.eval.LmEvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.QualityDataset;
import dev.modelfleet.crds.v1alpha1.eval.QualitySuite;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders an EvalRun's Job: the built-in runner for the latency and quality suites, or
 * lm-evaluation-harness followed by the runner's report step for lm-eval. The owner reference is
 * the caller's to set.
 */
public final class EvalJobRenderer {
  /** The Job kind in Job names: {@code <run>-eval-g<generation>}. */
  public static final String KIND = "eval";

  /** The component label of eval Jobs. */
  public static final String COMPONENT = "eval-runner";

  /** Name of the container whose termination message carries the report. */
  public static final String REPORT_CONTAINER = "runner";

  /**
   * One retry covers a Pod lost to a node drain; more would hammer an endpoint that is failing, and
   * a run is re-started explicitly anyway.
   */
  static final int BACKOFF_LIMIT = 1;

  /**
   * Finished Jobs and their Pods stay a day for kubectl logs; the results are in status by then.
   */
  static final int TTL_SECONDS_AFTER_FINISHED = 86_400;

  /**
   * The runner only sends HTTP requests: half a CPU keeps its timing honest at high concurrency.
   */
  static final Quantity RUNNER_CPU = new Quantity("500m");

  /** Heap for a few thousand in-flight streams and their timings. */
  static final Quantity RUNNER_MEMORY = new Quantity("1Gi");

  /** lm-eval loads datasets and a tokenizer in Python: more memory than the Java runner. */
  static final Quantity LM_EVAL_MEMORY = new Quantity("4Gi");

  /** lm-eval retries a failed request this often before giving up on the sample. */
  static final int LM_EVAL_MAX_RETRIES = 3;

  /** Where a ConfigMap dataset is mounted, under its own file name. */
  static final String DATASET_FILE = "samples.jsonl";

  static final String DATASET_VOLUME = "dataset";
  static final String RESULTS_VOLUME = "results";

  private EvalJobRenderer() {}

  /**
   * The Job for the run's current generation.
   *
   * @param run the EvalRun (name, namespace, generation and spec are read)
   * @param endpoint where the target is served
   * @param runnerImage the built-in runner's image (the operator's), used unless the spec names one
   *     for latency or quality
   * @param placement where GPUs come from, when the spec asks for any
   */
  public static Job render(
      EvalRun run, EvalEndpoint endpoint, String runnerImage, GpuPlacement placement) {
    EvalRunSpec spec = run.getSpec();
    String name = run.getMetadata().getName();
    long generation = Objects.requireNonNullElse(run.getMetadata().getGeneration(), 1L);
    var labels = RunLabels.of(RunLabels.EVAL_RUN, name, COMPONENT, generation);
    int shards = shards(spec);
    List<Container> init = new ArrayList<>();
    List<Volume> volumes = new ArrayList<>(List.of(RunPods.scratchVolume()));
    Container runner;
    switch (spec.getSuite()) {
      case LATENCY -> runner = runner(spec, runnerImage, latencyArgs(spec.getLatency(), endpoint));
      case QUALITY -> {
        QualitySuite quality = spec.getQuality();
        runner = runner(spec, runnerImage, qualityArgs(quality, endpoint));
        datasetVolume(quality.getDataset()).ifPresent(volumes::add);
        if (quality.getDataset().getBuiltin() == null) {
          runner.getVolumeMounts().add(mount(DATASET_VOLUME, RunnerContract.DATASET_MOUNT, true));
        }
        if (shards > 1) {
          runner.getEnv().add(env(RunnerContract.SHARD_COUNT_ENV, Integer.toString(shards)));
        }
      }
      case LM_EVAL -> {
        volumes.add(emptyDir(RESULTS_VOLUME));
        init.add(lmEval(spec, endpoint, placement));
        runner =
            runner(
                spec,
                runnerImage,
                List.of(
                    RunnerContract.LM_EVAL_REPORT,
                    RunnerContract.DIRECTORY,
                    RunnerContract.RESULTS_MOUNT));
        runner.setImage(runnerImage);
        runner.getVolumeMounts().add(mount(RESULTS_VOLUME, RunnerContract.RESULTS_MOUNT, true));
      }
      default -> throw new IllegalArgumentException("unknown suite " + spec.getSuite());
    }
    if (spec.getSuite() != EvalSuite.LM_EVAL) {
      runner.setResources(
          RunPods.resources(spec.getResources(), RUNNER_CPU, RUNNER_MEMORY, 0, placement));
      addApiKey(runner, endpoint);
    } else {
      runner.setResources(
          RunPods.resources(null, RunPods.SMALL_CPU, RunPods.SMALL_MEMORY, 0, null));
    }
    boolean gpus = RunPods.gpus(spec.getResources(), 0) > 0;
    return new JobBuilder()
        .withNewMetadata()
        .withName(JobNames.of(name, KIND, generation))
        .withNamespace(run.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(BACKOFF_LIMIT)
        .withActiveDeadlineSeconds(spec.getTimeoutSeconds().longValue())
        .withTtlSecondsAfterFinished(TTL_SECONDS_AFTER_FINISHED)
        .withParallelism(shards)
        .withCompletions(shards)
        .withCompletionMode(shards > 1 ? "Indexed" : null)
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(RunPods.podSecurity())
        .withNodeSelector(
            gpus && !placement.nodeSelector().isEmpty() ? placement.nodeSelector() : null)
        .withInitContainers(init)
        .withContainers(runner)
        .withVolumes(volumes)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The suite's name as the spec spells it: latency, quality or lm-eval. */
  public static String taskName(EvalRunSpec spec) {
    return switch (spec.getSuite()) {
      case LATENCY -> "latency";
      case QUALITY -> "quality";
      case LM_EVAL -> "lm-eval";
    };
  }

  /** The latency suite always runs one Pod: its concurrency steps set the load. */
  static int shards(EvalRunSpec spec) {
    if (spec.getSuite() != EvalSuite.QUALITY || spec.getParallelism() == null) {
      return 1;
    }
    return Math.max(1, spec.getParallelism());
  }

  private static Container runner(EvalRunSpec spec, String runnerImage, List<String> args) {
    String image =
        spec.getImage() != null && spec.getSuite() != EvalSuite.LM_EVAL
            ? spec.getImage()
            : runnerImage;
    return new ContainerBuilder()
        .withName(REPORT_CONTAINER)
        .withImage(image)
        .withCommand(RunPods.runnerCommand(args))
        .withEnv(new ArrayList<>(List.of(env("HOME", RunnerContract.SCRATCH_MOUNT))))
        .withVolumeMounts(new ArrayList<>(List.of(RunPods.scratchMount())))
        .withTerminationMessagePolicy("File")
        .withSecurityContext(RunPods.containerSecurity(true))
        .build();
  }

  static List<String> latencyArgs(LatencyProfile profile, EvalEndpoint endpoint) {
    LatencyProfile p = profile == null ? new LatencyProfile() : profile;
    List<String> args = new ArrayList<>(target(RunnerContract.LATENCY, endpoint));
    args.addAll(
        List.of(
            RunnerContract.CONCURRENCY,
            p.getConcurrency().stream().map(String::valueOf).collect(Collectors.joining(",")),
            RunnerContract.PROMPT_TOKENS,
            p.getPromptTokens().toString(),
            RunnerContract.OUTPUT_TOKENS,
            p.getOutputTokens().toString(),
            RunnerContract.REQUESTS_PER_STEP,
            p.getRequestsPerStep().toString()));
    return args;
  }

  static List<String> qualityArgs(QualitySuite quality, EvalEndpoint endpoint) {
    List<String> args = new ArrayList<>(target(RunnerContract.QUALITY, endpoint));
    args.add(RunnerContract.TASK_TYPE);
    args.add(taskType(quality));
    QualityDataset dataset = quality.getDataset();
    if (dataset.getBuiltin() != null) {
      args.add(RunnerContract.BUILTIN_DATASET);
      args.add(dataset.getBuiltin());
    } else {
      args.add(RunnerContract.DATASET_FILE);
      args.add(
          RunnerContract.DATASET_MOUNT
              + "/"
              + (dataset.getConfigMap() != null ? DATASET_FILE : dataset.getVolume().getPath()));
    }
    if (quality.getLimit() != null) {
      args.add(RunnerContract.LIMIT);
      args.add(quality.getLimit().toString());
    }
    args.add(RunnerContract.MAX_OUTPUT_TOKENS);
    args.add(quality.getMaxOutputTokens().toString());
    return args;
  }

  /** The name the CRD uses for the task type, e.g. exact-match or pass@1. */
  static String taskType(QualitySuite quality) {
    return switch (quality.getTaskType()) {
      case EXACT_MATCH -> "exact-match";
      case MULTIPLE_CHOICE -> "multiple-choice";
      case PASS_AT_1 -> "pass@1";
    };
  }

  private static List<String> target(String suite, EvalEndpoint endpoint) {
    return List.of(
        suite, RunnerContract.ENDPOINT, endpoint.baseUrl(), RunnerContract.MODEL, endpoint.model());
  }

  /**
   * lm-evaluation-harness against the endpoint's /v1/completions, writing its results JSON to the
   * shared results volume for the report step.
   */
  static Container lmEval(EvalRunSpec spec, EvalEndpoint endpoint, GpuPlacement placement) {
    return new ContainerBuilder()
        .withName("lm-eval")
        .withImage(spec.getImage())
        .withCommand(lmEvalCommand(spec.getLmEval(), endpoint, spec.getParallelism()))
        .withEnv(
            env("HOME", RunnerContract.SCRATCH_MOUNT),
            env("HF_HOME", RunnerContract.SCRATCH_MOUNT + "/huggingface"))
        .withVolumeMounts(
            RunPods.scratchMount(), mount(RESULTS_VOLUME, RunnerContract.RESULTS_MOUNT, false))
        .withResources(
            RunPods.resources(spec.getResources(), RUNNER_CPU, LM_EVAL_MEMORY, 0, placement))
        .withSecurityContext(RunPods.containerSecurity(false))
        .build();
  }

  /**
   * {@code lm_eval --model local-completions --model_args model=...,base_url=.../v1/completions,...
   * --tasks a,b --output_path /results}, as lm-evaluation-harness 0.4 documents for
   * OpenAI-compatible servers. Without a Hugging Face tokenizer, tokenizer_backend=None limits it
   * to generation tasks (e.g. gsm8k); log-likelihood tasks (e.g. mmlu) need one.
   */
  static List<String> lmEvalCommand(LmEvalSuite suite, EvalEndpoint endpoint, Integer concurrent) {
    List<String> modelArgs = new ArrayList<>();
    modelArgs.add("model=" + endpoint.model());
    modelArgs.add("base_url=" + endpoint.baseUrl() + "/v1/completions");
    modelArgs.add("num_concurrent=" + Math.max(1, Objects.requireNonNullElse(concurrent, 1)));
    modelArgs.add("max_retries=" + LM_EVAL_MAX_RETRIES);
    modelArgs.add("tokenized_requests=False");
    modelArgs.add(
        endpoint.tokenizer() == null
            ? "tokenizer_backend=None"
            : "tokenizer=" + endpoint.tokenizer());
    List<String> command =
        new ArrayList<>(
            List.of(
                "lm_eval",
                "--model",
                "local-completions",
                "--model_args",
                String.join(",", modelArgs),
                "--tasks",
                String.join(",", suite.getTasks()),
                "--output_path",
                RunnerContract.RESULTS_MOUNT));
    if (suite.getNumFewshot() != null) {
      command.add("--num_fewshot");
      command.add(suite.getNumFewshot().toString());
    }
    if (suite.getLimit() != null) {
      command.add("--limit");
      command.add(suite.getLimit().toString());
    }
    return command;
  }

  private static java.util.Optional<Volume> datasetVolume(QualityDataset dataset) {
    if (dataset.getConfigMap() != null) {
      return java.util.Optional.of(
          new VolumeBuilder()
              .withName(DATASET_VOLUME)
              .withNewConfigMap()
              .withName(dataset.getConfigMap().getName())
              .addNewItem()
              .withKey(dataset.getConfigMap().getKey())
              .withPath(DATASET_FILE)
              .endItem()
              .endConfigMap()
              .build());
    }
    if (dataset.getVolume() != null) {
      return java.util.Optional.of(
          new VolumeBuilder()
              .withName(DATASET_VOLUME)
              .withNewPersistentVolumeClaim(dataset.getVolume().getClaimName(), true)
              .build());
    }
    return java.util.Optional.empty();
  }

  private static void addApiKey(Container container, EvalEndpoint endpoint) {
    if (endpoint.apiKey() == null) {
      return;
    }
    container
        .getEnv()
        .add(
            new EnvVarBuilder()
                .withName(RunnerContract.API_KEY_ENV)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(endpoint.apiKey().getName())
                .withKey(endpoint.apiKey().getKey())
                .endSecretKeyRef()
                .endValueFrom()
                .build());
  }

  static EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly)
        .build();
  }

  static Volume emptyDir(String name) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
  }
}
