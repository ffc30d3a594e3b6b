package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingDataset;
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

/**
 * Renders an AdapterRun's Job: the trainer (an init container, so it finishes before the report)
 * writes the adapter to the output volume, then the runner's report step reads the trainer's loss
 * log and the adapter's size into the termination message. The owner reference is the caller's to
 * set.
 */
public final class AdapterJobRenderer {
  /** The Job kind in Job names: {@code <run>-train-g<generation>}. */
  public static final String KIND = "train";

  /** The component label of training Jobs. */
  public static final String COMPONENT = "adapter-trainer";

  /** Name of the container whose termination message carries the report. */
  public static final String REPORT_CONTAINER = "report";

  /** Name of the trainer container. */
  public static final String TRAINER_CONTAINER = "trainer";

  /**
   * No retry: a failed run has usually run out of GPU memory or met bad data, and a retry repeats
   * hours of GPU time to fail the same way. Re-run explicitly.
   */
  static final int BACKOFF_LIMIT = 0;

  /**
   * Finished Jobs and their Pods stay a day for kubectl logs; the results are in status by then.
   */
  static final int TTL_SECONDS_AFTER_FINISHED = 86_400;

  /** An AdapterRun trains on one GPU unless its spec says otherwise (JobResources docs). */
  public static final int DEFAULT_GPUS = 1;

  /** Tokenising and batching a dataset beside the GPU: a few cores keep the GPU fed. */
  static final Quantity TRAINER_CPU = new Quantity("4");

  /** Host memory to load an 8B model's shards before they move to the GPU. */
  static final Quantity TRAINER_MEMORY = new Quantity("32Gi");

  /** The JSONL file's name inside the dataset directory the trainer reads. */
  static final String DATASET_FILE = "train.jsonl";

  /** Where the output volume is mounted. */
  static final String OUTPUT_MOUNT = "/output";

  static final String DATASET_VOLUME = "dataset";
  static final String OUTPUT_VOLUME = "output";

  private AdapterJobRenderer() {}

  /**
   * The Job for the run's current generation.
   *
   * @param run the AdapterRun (name, namespace, generation and spec are read)
   * @param baseModel Hugging Face repo of the base model (from the pool model or the spec)
   * @param revision its revision, or null
   * @param trainerImage the trainer image (the spec's, or the operator's default)
   * @param reportImage the operator's image, which runs the report step
   * @param placement where the GPUs come from
   */
  public static Job render(
      AdapterRun run,
      String baseModel,
      String revision,
      String trainerImage,
      String reportImage,
      GpuPlacement placement) {
    AdapterRunSpec spec = run.getSpec();
    String name = run.getMetadata().getName();
    long generation = Objects.requireNonNullElse(run.getMetadata().getGeneration(), 1L);
    var labels = RunLabels.of(RunLabels.ADAPTER_RUN, name, COMPONENT, generation);
    String outputDir = OUTPUT_MOUNT + "/" + stripSlash(spec.getOutput().getPath());
    List<Volume> volumes = new ArrayList<>();
    volumes.add(RunPods.scratchVolume());
    volumes.add(
        new VolumeBuilder()
            .withName(OUTPUT_VOLUME)
            .withNewPersistentVolumeClaim(spec.getOutput().getClaimName(), false)
            .build());
    List<VolumeMount> trainerMounts = new ArrayList<>();
    trainerMounts.add(RunPods.scratchMount());
    trainerMounts.add(mount(OUTPUT_VOLUME, OUTPUT_MOUNT, false, null));
    String dataset = dataset(spec.getDataset(), volumes, trainerMounts);
    Container trainer =
        new ContainerBuilder()
            .withName(TRAINER_CONTAINER)
            .withImage(trainerImage)
            .withCommand(
                TrainerCommand.sft(
                    baseModel,
                    revision,
                    dataset,
                    spec.getMethod(),
                    spec.getHyperparameters(),
                    outputDir))
            .withEnv(trainerEnv(spec))
            .withVolumeMounts(trainerMounts)
            .withResources(
                RunPods.resources(
                    spec.getResources(), TRAINER_CPU, TRAINER_MEMORY, DEFAULT_GPUS, placement))
            .withSecurityContext(RunPods.containerSecurity(false))
            .build();
    Container report =
        new ContainerBuilder()
            .withName(REPORT_CONTAINER)
            .withImage(reportImage)
            .withCommand(
                RunPods.runnerCommand(
                    List.of(RunnerContract.TRAINER_REPORT, RunnerContract.DIRECTORY, outputDir)))
            .withEnv(EvalJobRenderer.env("HOME", RunnerContract.SCRATCH_MOUNT))
            .withVolumeMounts(
                RunPods.scratchMount(), mount(OUTPUT_VOLUME, OUTPUT_MOUNT, true, null))
            .withResources(
                RunPods.resources(null, RunPods.SMALL_CPU, RunPods.SMALL_MEMORY, 0, null))
            .withTerminationMessagePolicy("File")
            .withSecurityContext(RunPods.containerSecurity(true))
            .build();
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
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(RunPods.podSecurity())
        .withNodeSelector(placement.nodeSelector().isEmpty() ? null : placement.nodeSelector())
        .withInitContainers(trainer)
        .withContainers(report)
        .withVolumes(volumes)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Adds the dataset's volume and mount; returns what the trainer's --dataset_name gets. */
  private static String dataset(
      TrainingDataset dataset, List<Volume> volumes, List<VolumeMount> mounts) {
    if (dataset.getHuggingFaceDataset() != null) {
      return dataset.getHuggingFaceDataset();
    }
    if (dataset.getConfigMap() != null) {
      volumes.add(
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
      mounts.add(mount(DATASET_VOLUME, RunnerContract.DATASET_MOUNT, true, null));
    } else {
      // The one file, mounted alone, so the trainer's directory holds nothing else.
      volumes.add(
          new VolumeBuilder()
              .withName(DATASET_VOLUME)
              .withNewPersistentVolumeClaim(dataset.getVolume().getClaimName(), true)
              .build());
      mounts.add(
          mount(
              DATASET_VOLUME,
              RunnerContract.DATASET_MOUNT + "/" + DATASET_FILE,
              true,
              stripSlash(dataset.getVolume().getPath())));
    }
    return RunnerContract.DATASET_MOUNT;
  }

  private static List<EnvVar> trainerEnv(AdapterRunSpec spec) {
    List<EnvVar> env = new ArrayList<>();
    env.add(EvalJobRenderer.env("HOME", RunnerContract.SCRATCH_MOUNT));
    env.add(EvalJobRenderer.env("HF_HOME", RunnerContract.SCRATCH_MOUNT + "/huggingface"));
    if (spec.getHuggingFaceTokenSecretRef() != null) {
      env.add(
          new EnvVarBuilder()
              .withName("HF_TOKEN")
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(spec.getHuggingFaceTokenSecretRef().getName())
              .withKey(spec.getHuggingFaceTokenSecretRef().getKey())
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    return env;
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly, String subPath) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly)
        .withSubPath(subPath)
        .build();
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
