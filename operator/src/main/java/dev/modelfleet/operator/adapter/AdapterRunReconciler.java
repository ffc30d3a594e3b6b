package dev.modelfleet.operator.adapter;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterProvenance;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunStatus;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingMethod;
import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.operator.config.OperatorSettings;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.runs.GpuPlacements;
import dev.modelfleet.operator.runs.OwnedJobs;
import dev.modelfleet.operator.runs.RunLabelMapper;
import dev.modelfleet.operator.runs.RunOutcome;
import dev.modelfleet.operator.runs.RunProblem;
import dev.modelfleet.operator.runs.RunProgress;
import dev.modelfleet.operator.runs.RunStatusWriter;
import dev.modelfleet.serving.jobs.AdapterJobRenderer;
import dev.modelfleet.serving.jobs.JobNames;
import dev.modelfleet.serving.jobs.RunLabels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Trains an AdapterRun's adapter in a Job (one per spec generation, created once), follows it,
 * records the trainer's loss figures, the artifact and provenance, then registers the adapter with
 * its pool ({@link AdapterRegistrar}) and starts the evaluation {@code evaluateAfter} asks for.
 */
@ControllerConfiguration(name = AdapterRunReconciler.NAME)
public class AdapterRunReconciler
    implements Reconciler<AdapterRun>, ConfigurableReconciler<AdapterRun> {
  public static final String NAME = "adapter-runs";

  /** How often a run waiting for its base model's pool looks again. */
  static final Duration BASE_MODEL_RECHECK = Duration.ofSeconds(30);

  /** How often a trained adapter that could not be registered yet is tried again. */
  static final Duration REGISTRATION_RECHECK = Duration.ofSeconds(60);

  /** How soon a finished Job's report is looked for again when its Pod has not arrived yet. */
  static final Duration RESULTS_RECHECK = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final RunStatusWriter<AdapterRun, AdapterRunStatus> statusWriter;
  private final BaseModelResolver baseModels;
  private final GpuPlacements placements;
  private final AdapterRegistrar registrar;
  private final AdapterEvaluation evaluation;
  private final OperatorSettings settings;

  public AdapterRunReconciler(
      KubernetesClient client,
      EventRecorder events,
      BaseModelResolver baseModels,
      GpuPlacements placements,
      AdapterRegistrar registrar,
      AdapterEvaluation evaluation,
      OperatorSettings settings) {
    this.client = client;
    this.events = events;
    this.statusWriter = new RunStatusWriter<>(client, events, AdapterRun.class);
    this.baseModels = baseModels;
    this.placements = placements;
    this.registrar = registrar;
    this.evaluation = evaluation;
    this.settings = settings;
  }

  @Override
  public UpdateControl<AdapterRun> reconcile(AdapterRun run, Context<AdapterRun> context) {
    long generation = generation(run);
    AdapterRunStatus current = run.getStatus();
    boolean thisGeneration =
        current != null && Objects.equals(current.getObservedGeneration(), generation);
    if (thisGeneration && current.getPhase() == RunPhase.Failed) {
      return UpdateControl.noUpdate(); // a new attempt needs a spec change
    }
    if (thisGeneration && current.getPhase() == RunPhase.Succeeded) {
      return followUps(run, client.getKubernetesSerialization().clone(current));
    }
    Optional<String> invalid = AdapterSpecCheck.problem(run.getSpec());
    if (invalid.isPresent()) {
      write(run, RunOutcome.invalidSpec(invalid.get()), null, new AdapterRunStatus());
      return UpdateControl.noUpdate(); // only a spec change can fix it
    }
    String jobName = JobNames.of(run.getMetadata().getName(), AdapterJobRenderer.KIND, generation);
    Optional<Job> job =
        context.getSecondaryResources(Job.class).stream()
            .filter(j -> jobName.equals(j.getMetadata().getName()))
            .findFirst();
    if (job.isEmpty()) {
      return start(run, jobName);
    }
    RunProgress progress =
        RunProgress.of(
            job.get(),
            List.copyOf(context.getSecondaryResources(Pod.class)),
            AdapterJobRenderer.REPORT_CONTAINER,
            Instant.now());
    AdapterRunStatus next = new AdapterRunStatus();
    next.setJobName(jobName);
    next.setProvenance(
        thisGeneration && current.getProvenance() != null
            ? current.getProvenance()
            : provenance(run));
    next.setStartTime(progress.startTime());
    next.setCompletionTime(progress.completionTime());
    if (progress.report() != null) {
      next.setLoss(AdapterResults.loss(progress.report()));
      next.setArtifact(AdapterResults.artifact(run.getSpec(), progress.report()));
    }
    if (progress.outcome().phase() == RunPhase.Succeeded) {
      next.setPhase(RunPhase.Succeeded);
      next.setObservedGeneration(generation);
      return followUps(run, next);
    }
    write(run, progress.outcome(), progress.warning(), next);
    if ("CollectingResults".equals(progress.outcome().reason())) {
      return UpdateControl.<AdapterRun>noUpdate()
          .rescheduleAfter(RESULTS_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    return UpdateControl.noUpdate();
  }

  private UpdateControl<AdapterRun> start(AdapterRun run, String jobName) {
    BaseModelResolver.Resolved base;
    Job job;
    try {
      base = baseModels.resolve(run.getMetadata().getNamespace(), run.getSpec().getBaseModel());
      job =
          AdapterJobRenderer.render(
              run,
              base.repo(),
              base.revision(),
              trainerImage(run),
              settings.jobs().runnerImage(),
              placements.resolve(run.getSpec().getResources()));
    } catch (RunProblem problem) {
      write(
          run,
          RunOutcome.pending(problem.reason(), problem.getMessage()),
          null,
          new AdapterRunStatus());
      return UpdateControl.<AdapterRun>noUpdate()
          .rescheduleAfter(BASE_MODEL_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (OwnedJobs.create(client, run, job)) {
      events.normal(
          run,
          "JobCreated",
          "Created Job "
              + jobName
              + " to train a "
              + method(run)
              + " adapter of "
              + base.repo()
              + ".");
    }
    AdapterRunStatus next = new AdapterRunStatus();
    next.setJobName(jobName);
    next.setProvenance(provenance(run, base));
    write(run, RunOutcome.pending("JobCreated", "Job " + jobName + " was created."), null, next);
    return UpdateControl.noUpdate();
  }

  /** Registration and evaluation once trained; each done once, retried until it succeeds. */
  private UpdateControl<AdapterRun> followUps(AdapterRun run, AdapterRunStatus next) {
    Condition warning = null;
    var spec = run.getSpec();
    if (spec.getRegisterInto() != null && next.getRegisteredAs() == null) {
      try {
        next.setRegisteredAs(registrar.register(run));
      } catch (RunProblem problem) {
        warning =
            new ConditionBuilder()
                .withType(ConditionTypes.WARNING)
                .withStatus("True")
                .withReason(problem.reason())
                .withMessage(problem.getMessage())
                .build();
      }
    }
    if (spec.getEvaluateAfter() != null
        && next.getRegisteredAs() != null
        && next.getEvalRunName() == null) {
      next.setEvalRunName(evaluation.ensure(run));
    }
    String where =
        next.getArtifact() == null
            ? spec.getOutput().getClaimName() + "/" + spec.getOutput().getPath()
            : next.getArtifact().getClaimName() + "/" + next.getArtifact().getPath();
    String message =
        "Adapter written to volume path "
            + where
            + (next.getRegisteredAs() == null
                ? "."
                : "; served as " + next.getRegisteredAs() + ".");
    write(run, RunOutcome.succeeded("AdapterTrained", message), warning, next);
    if (warning != null) {
      return UpdateControl.<AdapterRun>noUpdate()
          .rescheduleAfter(REGISTRATION_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    return UpdateControl.noUpdate();
  }

  /** What the Job trains with; rebuilt from the spec when our cache has not seen it yet. */
  private AdapterProvenance provenance(AdapterRun run) {
    try {
      return provenance(
          run, baseModels.resolve(run.getMetadata().getNamespace(), run.getSpec().getBaseModel()));
    } catch (RunProblem e) {
      return null; // the pool went away meanwhile; the run's results stand without it
    }
  }

  private AdapterProvenance provenance(AdapterRun run, BaseModelResolver.Resolved base) {
    AdapterProvenance provenance = new AdapterProvenance();
    provenance.setBaseModel(base.repo());
    provenance.setBaseRevision(base.revision());
    provenance.setMethod(method(run));
    provenance.setTrainerImage(trainerImage(run));
    return provenance;
  }

  private String trainerImage(AdapterRun run) {
    return run.getSpec().getTrainerImage() != null
        ? run.getSpec().getTrainerImage()
        : settings.jobs().trainerImage();
  }

  private static String method(AdapterRun run) {
    return run.getSpec().getMethod() == TrainingMethod.QLORA ? "qlora" : "lora";
  }

  private void write(AdapterRun run, RunOutcome outcome, Condition warning, AdapterRunStatus next) {
    statusWriter.write(run, outcome, warning, next);
  }

  private static long generation(AdapterRun run) {
    return Objects.requireNonNullElse(run.getMetadata().getGeneration(), 1L);
  }

  @Override
  public List<EventSource<?, AdapterRun>> prepareEventSources(
      EventSourceContext<AdapterRun> context) {
    var jobs =
        InformerEventSourceConfiguration.from(Job.class, AdapterRun.class)
            .withName("adapter-jobs")
            .withLabelSelector(RunLabels.ADAPTER_RUN)
            .withSecondaryToPrimaryMapper(RunLabelMapper.<Job>byLabel(RunLabels.ADAPTER_RUN))
            .build();
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, AdapterRun.class)
            .withName("adapter-pods")
            .withLabelSelector(RunLabels.ADAPTER_RUN)
            .withSecondaryToPrimaryMapper(RunLabelMapper.<Pod>byLabel(RunLabels.ADAPTER_RUN))
            .build();
    return List.of(
        new InformerEventSource<>(jobs, context), new InformerEventSource<>(pods, context));
  }

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<AdapterRun> overrider) {
    // Nothing to change at run time; implementing this lets the demo mode's customizer reach
    // this controller (see NodeInventoryReconciler).
  }
}
