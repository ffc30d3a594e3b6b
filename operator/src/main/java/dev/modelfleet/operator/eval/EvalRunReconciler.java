package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.eval.EvalProvenance;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunStatus;
import dev.modelfleet.operator.config.OperatorSettings;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.runs.GpuPlacements;
import dev.modelfleet.operator.runs.OwnedJobs;
import dev.modelfleet.operator.runs.PodLogs;
import dev.modelfleet.operator.runs.RunLabelMapper;
import dev.modelfleet.operator.runs.RunOutcome;
import dev.modelfleet.operator.runs.RunProblem;
import dev.modelfleet.operator.runs.RunProgress;
import dev.modelfleet.operator.runs.RunStatusWriter;
import dev.modelfleet.operator.runs.WholeReports;
import dev.modelfleet.serving.jobs.EvalJobRenderer;
import dev.modelfleet.serving.jobs.JobNames;
import dev.modelfleet.serving.jobs.RunLabels;
import io.fabric8.kubernetes.api.model.Condition;
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
 * Runs an EvalRun as a Job and keeps its status: the Job for the current generation is created once
 * (a spec change makes a new one, named with the generation), followed through its Job and Pod
 * events, and its report becomes {@code status.results}. A finished generation is never run again.
 * It starts nothing else: {@link EvalObservations} turns results into ranking evidence.
 */
@ControllerConfiguration(name = EvalRunReconciler.NAME)
public class EvalRunReconciler implements Reconciler<EvalRun>, ConfigurableReconciler<EvalRun> {
  public static final String NAME = "eval-runs";

  /** How often a run waiting for its target (a pool model not yet served) looks again. */
  static final Duration TARGET_RECHECK = Duration.ofSeconds(30);

  /** How soon a finished Job's report is looked for again when its Pod has not arrived yet. */
  static final Duration RESULTS_RECHECK = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final RunStatusWriter<EvalRun, EvalRunStatus> statusWriter;
  private final EvalTargetResolver targets;
  private final GpuPlacements placements;
  private final OperatorSettings settings;
  private final PodLogs logs;

  public EvalRunReconciler(
      KubernetesClient client,
      EventRecorder events,
      EvalTargetResolver targets,
      GpuPlacements placements,
      OperatorSettings settings,
      PodLogs logs) {
    this.client = client;
    this.logs = logs;
    this.events = events;
    this.statusWriter = new RunStatusWriter<>(client, events, EvalRun.class);
    this.targets = targets;
    this.placements = placements;
    this.settings = settings;
  }

  @Override
  public UpdateControl<EvalRun> reconcile(EvalRun run, Context<EvalRun> context) {
    long generation = Objects.requireNonNullElse(run.getMetadata().getGeneration(), 1L);
    EvalRunStatus current = run.getStatus();
    if (current != null
        && Objects.equals(current.getObservedGeneration(), generation)
        && current.getPhase() != null
        && new RunOutcome(current.getPhase(), null, null).terminal()) {
      return UpdateControl.noUpdate(); // this generation has run; a new one needs a spec change
    }
    Optional<String> invalid = EvalSpecCheck.problem(run.getSpec());
    if (invalid.isPresent()) {
      write(run, RunOutcome.invalidSpec(invalid.get()), null, null, null);
      return UpdateControl.noUpdate(); // only a spec change can fix it
    }
    String jobName = JobNames.of(run.getMetadata().getName(), EvalJobRenderer.KIND, generation);
    Optional<Job> job =
        context.getSecondaryResources(Job.class).stream()
            .filter(j -> jobName.equals(j.getMetadata().getName()))
            .findFirst();
    if (job.isEmpty()) {
      return start(run, jobName);
    }
    List<Pod> pods = List.copyOf(context.getSecondaryResources(Pod.class));
    RunProgress progress =
        RunProgress.of(job.get(), pods, EvalJobRenderer.REPORT_CONTAINER, Instant.now());
    EvalRunStatus next = baseStatus(run, jobName, previousProvenance(run, generation));
    next.setStartTime(progress.startTime());
    next.setCompletionTime(progress.completionTime());
    next.setResults(EvalResults.of(progress.report()));
    if (progress.report() != null && next.getProvenance() != null) {
      next.getProvenance().setRunnerVersion(progress.report().runnerVersion());
      next.getProvenance().setDatasetHash(progress.report().datasetHash());
    }
    RunOutcome outcome = progress.outcome();
    Condition warning = progress.warning();
    if (outcome.phase() == RunPhase.Succeeded && progress.report().dropped() > 0) {
      String problem = keepWhole(run, job.get(), pods, progress, next);
      if (problem == null) {
        outcome =
            RunOutcome.succeeded(
                outcome.reason(),
                outcome.message()
                    + " Status holds the first "
                    + progress.report().metrics().size()
                    + " figures; the whole report is in ConfigMap "
                    + next.getResultsConfigMap()
                    + ", key "
                    + ResultsConfigMap.KEY
                    + ".");
        warning = null;
      } else {
        warning.setMessage(warning.getMessage() + ". They could not be kept whole: " + problem);
      }
    }
    write(run, outcome, warning, next, jobName);
    if ("CollectingResults".equals(progress.outcome().reason())) {
      return UpdateControl.<EvalRun>noUpdate()
          .rescheduleAfter(RESULTS_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    return UpdateControl.noUpdate();
  }

  /**
   * Reads the figures the termination messages dropped back from the Pods' logs into the run's
   * results ConfigMap, named in {@code next}; returns why that could not be done, or null.
   */
  private String keepWhole(
      EvalRun run, Job job, List<Pod> pods, RunProgress progress, EvalRunStatus next) {
    WholeReports.Whole whole =
        WholeReports.read(
            logs,
            run.getMetadata().getNamespace(),
            pods,
            job.getMetadata().getName(),
            EvalJobRenderer.REPORT_CONTAINER);
    if (whole.report() == null) {
      return "the log could not be read back (" + whole.problem() + ")";
    }
    try {
      next.setResultsConfigMap(
          ResultsConfigMap.write(client, run, job.getMetadata().getLabels(), whole.report()));
      return null;
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  private UpdateControl<EvalRun> start(EvalRun run, String jobName) {
    ResolvedTarget target;
    Job job;
    try {
      target = targets.resolve(run);
      job =
          EvalJobRenderer.render(
              run,
              target.endpoint(),
              settings.jobs().runnerImage(),
              placements.resolve(run.getSpec().getResources()));
    } catch (RunProblem problem) {
      write(run, RunOutcome.pending(problem.reason(), problem.getMessage()), null, null, null);
      return UpdateControl.<EvalRun>noUpdate()
          .rescheduleAfter(TARGET_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (OwnedJobs.create(client, run, job)) {
      events.normal(
          run,
          "JobCreated",
          "Created Job "
              + jobName
              + " to run the "
              + EvalJobRenderer.taskName(run.getSpec())
              + " suite against "
              + target.endpoint().baseUrl()
              + ".");
    }
    EvalRunStatus next = baseStatus(run, jobName, target.provenance());
    write(
        run,
        RunOutcome.pending("JobCreated", "Job " + jobName + " was created."),
        null,
        next,
        jobName);
    return UpdateControl.noUpdate();
  }

  private EvalProvenance previousProvenance(EvalRun run, long generation) {
    EvalRunStatus current = run.getStatus();
    if (current != null
        && current.getProvenance() != null
        && Objects.equals(current.getObservedGeneration(), generation)) {
      return client.getKubernetesSerialization().clone(current.getProvenance());
    }
    try {
      return targets.resolve(run).provenance();
    } catch (RunProblem e) {
      return null; // the target went away meanwhile; the results stand without it
    }
  }

  private void write(
      EvalRun run, RunOutcome outcome, Condition warning, EvalRunStatus desired, String jobName) {
    EvalRunStatus next = desired == null ? new EvalRunStatus() : desired;
    next.setJobName(jobName);
    statusWriter.write(run, outcome, warning, next);
  }

  private static EvalRunStatus baseStatus(EvalRun run, String jobName, EvalProvenance provenance) {
    EvalRunStatus status = new EvalRunStatus();
    status.setJobName(jobName);
    status.setProvenance(provenance);
    return status;
  }

  @Override
  public List<EventSource<?, EvalRun>> prepareEventSources(EventSourceContext<EvalRun> context) {
    var jobs =
        InformerEventSourceConfiguration.from(Job.class, EvalRun.class)
            .withName("eval-jobs")
            .withLabelSelector(RunLabels.EVAL_RUN)
            .withSecondaryToPrimaryMapper(RunLabelMapper.byLabel(RunLabels.EVAL_RUN))
            .build();
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, EvalRun.class)
            .withName("eval-pods")
            .withLabelSelector(RunLabels.EVAL_RUN)
            .withSecondaryToPrimaryMapper(RunLabelMapper.byLabel(RunLabels.EVAL_RUN))
            .build();
    return List.of(
        new InformerEventSource<>(jobs, context), new InformerEventSource<>(pods, context));
  }

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<EvalRun> overrider) {
    // Nothing to change at run time; implementing this lets the demo mode's customizer reach
    // this controller (see NodeInventoryReconciler).
  }
}
