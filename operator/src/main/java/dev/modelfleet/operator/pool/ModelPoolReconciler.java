package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.operator.eval.EvalObservations;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.pool.planning.PoolModelResolver;
import dev.modelfleet.operator.pool.planning.PoolPlanInput;
import dev.modelfleet.operator.pool.planning.PoolPlanner;
import dev.modelfleet.operator.registry.OperatorRegistry;
import dev.modelfleet.operator.registry.UnknownModelWarnings;
import dev.modelfleet.operator.runtime.ShutdownState;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.serving.ServingLabels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a ModelPool into running engines: plan it against the fleet's HardwareProfiles and the
 * other pools' claims ({@link CapacityLedger}), render the placed models through the serving
 * adapters, apply them as owned Deployments, Services and cache claims (the dependents restore
 * drift and delete what the plan drops), and report per-model phases, totals and conditions.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "model-cache-claims", type = ModelCacheClaims.class),
      @Dependent(name = "engine-deployments", type = EngineDeployments.class),
      @Dependent(name = "engine-services", type = EngineServices.class)
    })
@ControllerConfiguration(name = ModelPoolReconciler.NAME)
public class ModelPoolReconciler
    implements Reconciler<ModelPool>, Cleaner<ModelPool>, ConfigurableReconciler<ModelPool> {
  public static final String NAME = "modelpool";
  private static final Logger LOG = Logger.getLogger(ModelPoolReconciler.class);

  private final CapacityLedger ledger;
  private final ShutdownState shutdown;
  private final PoolPlanner planner;
  private final OperatorRegistry registry;
  private final EventRecorder events;
  private final PoolMetrics metrics;
  private volatile InformerEventSource<HardwareProfile, ModelPool> profiles;
  private volatile InformerEventSource<EvalRun, ModelPool> evalRuns;
  private final CapacityReleasedEvents released = new CapacityReleasedEvents();

  public ModelPoolReconciler(
      CapacityLedger ledger,
      EventRecorder events,
      PoolMetrics metrics,
      OperatorRegistry registry,
      ShutdownState shutdown) {
    this.shutdown = shutdown;
    this.ledger = ledger;
    this.registry = registry;
    this.planner = PoolPlanner.over(PoolModelResolver.over(registry));
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public UpdateControl<ModelPool> reconcile(ModelPool pool, Context<ModelPool> context) {
    Instant now = Instant.now();
    registry.refresh();
    Map<String, Instant> lastUsed = LastUsedAnnotations.of(pool);
    Map<String, Instant> installed = installedAt(deploymentsByModel(context));
    CapacityLedger.Outcome outcome =
        ledger.planAndClaim(
            PoolKeys.of(pool),
            seed(context),
            context.getPrimaryCache().list().map(PoolKeys::of).collect(Collectors.toSet()),
            (current, others) ->
                planner.plan(
                    new PoolPlanInput(
                        pool,
                        profiles.list().toList(),
                        null,
                        current,
                        others,
                        lastUsed,
                        installed,
                        evidence(pool),
                        now)));
    if (outcome.released()) {
      released.wakeOthers(context, pool);
    }
    RenderedPool rendered = RenderedPool.render(outcome.plan());
    context.managedWorkflowAndDependentResourceContext().put(RenderedPool.KEY, rendered);
    boolean dryRun = Boolean.TRUE.equals(pool.getSpec().getDryRun());
    if (!dryRun) {
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    Map<String, Deployment> deployments = deploymentsByModel(context);
    ModelPoolStatus before = pool.getStatus();
    ModelPoolStatus after =
        PoolStatusFactory.build(pool, outcome.plan(), rendered, deployments, lastUsed, dryRun, now);
    UnknownModelWarnings.apply(
        events, pool, before, after, outcome.plan().unknownModels(), now.toString());
    PoolEvents.record(events, pool, before, after, outcome.plan().evictions());
    metrics.record(pool, after, outcome.plan().evictions());
    if (StatusComparison.same(before, after)) {
      return UpdateControl.noUpdate();
    }
    LOG.infof(
        "pool %s: %s%s",
        PoolKeys.of(pool),
        after.getModels().stream()
            .map(m -> m.getName() + " " + m.getPhase() + " (" + m.getReason() + ")")
            .collect(Collectors.joining(", ")),
        outcome.released() ? "; capacity released to other pools" : "");
    pool.setStatus(after);
    return UpdateControl.patchStatus(pool);
  }

  @Override
  public DeleteControl cleanup(ModelPool pool, Context<ModelPool> context) {
    // Owner references let the garbage collector delete the engines; the capacity is free now.
    if (ledger.release(PoolKeys.of(pool))) {
      released.wakeOthers(context, pool);
    }
    metrics.forget(pool);
    events.normal(pool, "Released", "pool deleted: its engines are removed and its GPUs freed");
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<ModelPool> updateErrorStatus(
      ModelPool pool, Context<ModelPool> context, Exception e) {
    if (shutdown.isStopping()) {
      LOG.debugf(e, "pool %s: reconcile cut short by the operator stopping", PoolKeys.of(pool));
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    events.warning(pool, "PlanningFailed", "could not plan or apply the pool: " + e.getMessage());
    pool.setStatus(PoolFailure.status(pool, e, Instant.now()));
    return ErrorStatusUpdateControl.patchStatus(pool);
  }

  @Override
  public List<EventSource<?, ModelPool>> prepareEventSources(
      EventSourceContext<ModelPool> context) {
    var config =
        InformerEventSourceConfiguration.from(HardwareProfile.class, ModelPool.class)
            .withWatchAllNamespaces()
            .withSecondaryToPrimaryMapper(profile -> allPools(context))
            .build();
    profiles = new InformerEventSource<>(config, context);
    var evalConfig =
        InformerEventSourceConfiguration.from(EvalRun.class, ModelPool.class)
            .withSecondaryToPrimaryMapper(ModelPoolReconciler::poolMeasured)
            .withOnAddFilter(EvalEvidence::finished)
            .withOnUpdateFilter((now, before) -> EvalEvidence.changed(before, now))
            .build();
    evalRuns = new InformerEventSource<>(evalConfig, context);
    return List.of(profiles, evalRuns, released);
  }

  /**
   * What this cluster measured of the pool's models: finished EvalRuns' scores, the strongest
   * quality evidence, so a run's result changes the pool's ranking and placement.
   */
  private List<Observation> evidence(ModelPool pool) {
    return EvalObservations.forPool(
        evalRuns.list(pool.getMetadata().getNamespace()).toList(), pool.getMetadata().getName());
  }

  /** An EvalRun of a pool model wakes that pool: its result may change the ranking. */
  private static Set<ResourceID> poolMeasured(EvalRun run) {
    if (run.getSpec() == null
        || run.getSpec().getTarget() == null
        || run.getSpec().getTarget().getPoolModel() == null) {
      return Set.of();
    }
    return Set.of(
        new ResourceID(
            run.getSpec().getTarget().getPoolModel().getPool(), run.getMetadata().getNamespace()));
  }

  /** A profile change (nodes added or lost, a price edited) can change every pool's plan. */
  private static Set<ResourceID> allPools(EventSourceContext<ModelPool> context) {
    return context
        .getPrimaryCache()
        .list()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static Map<String, List<dev.modelfleet.operator.pool.planning.Claim>> seed(
      Context<ModelPool> context) {
    Map<String, List<dev.modelfleet.operator.pool.planning.Claim>> seed = new HashMap<>();
    context.getPrimaryCache().list().forEach(p -> seed.put(PoolKeys.of(p), ClaimsFromStatus.of(p)));
    return seed;
  }

  private static Map<String, Deployment> deploymentsByModel(Context<ModelPool> context) {
    Map<String, Deployment> out = new HashMap<>();
    context
        .getSecondaryResourcesAsStream(Deployment.class)
        .forEach(
            d -> {
              String model =
                  d.getMetadata().getLabels() == null
                      ? null
                      : d.getMetadata().getLabels().get(ServingLabels.MODEL);
              if (model != null) {
                out.put(model, d);
              }
            });
    return out;
  }

  private static Map<String, Instant> installedAt(Map<String, Deployment> deployments) {
    Map<String, Instant> out = new HashMap<>();
    deployments.forEach(
        (model, d) -> {
          String created = d.getMetadata().getCreationTimestamp();
          if (created != null) {
            out.put(model, Instant.parse(created));
          }
        });
    return out;
  }

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<ModelPool> overrider) {
    // Lets the demo mode's ConfigurationServiceCustomizer reach this controller (see
    // NodeInventoryReconciler): its dependents must not use server-side apply there.
  }
}
