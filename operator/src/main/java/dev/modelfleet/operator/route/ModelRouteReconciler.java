package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteStatus;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.operator.events.EventRecorder;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a ModelRoute and resolves its backends: pool models against their ModelPool's spec and
 * status (watched, so readiness follows the pools live), external endpoints against their API key
 * Secret (read on demand and re-checked on a timer). Writes status and Events only on change; an
 * invalid spec is a condition, never an exception and a retry.
 */
@ControllerConfiguration(name = ModelRouteReconciler.NAME)
public class ModelRouteReconciler
    implements Reconciler<ModelRoute>, ConfigurableReconciler<ModelRoute> {
  public static final String NAME = "modelroute";

  /**
   * How often a route with API key Secrets re-reads them: Secrets are not watched (least
   * privilege), so a Secret created, fixed or deleted shows within this time.
   */
  static final Duration SECRET_RECHECK = Duration.ofSeconds(30);

  private final EventRecorder events;
  private volatile InformerEventSource<ModelPool, ModelRoute> pools;

  public ModelRouteReconciler(EventRecorder events) {
    this.events = events;
  }

  @Override
  public UpdateControl<ModelRoute> reconcile(ModelRoute route, Context<ModelRoute> context) {
    String namespace = route.getMetadata().getNamespace();
    // A route stored without a spec resolves as an empty one: invalid, reported, not retried.
    ModelRouteSpec spec = route.getSpec() == null ? new ModelRouteSpec() : route.getSpec();
    List<SpecProblem> problems = RouteSpecValidator.validate(spec);
    List<ResolvedBackend> backends =
        BackendResolver.resolve(
            spec,
            pool -> pools.get(new ResourceID(pool, namespace)).orElse(null),
            new ClientSecretLookup(context.getClient(), namespace));
    ModelRouteStatus before = route.getStatus();
    ModelRouteStatus after =
        RouteStatusFactory.build(route, backends, problems, Instant.now().toString());
    RouteEvents.record(events, route, before, after);
    UpdateControl<ModelRoute> control;
    if (RouteStatusComparison.same(before, after)) {
      control = UpdateControl.noUpdate();
    } else {
      route.setStatus(after);
      control = UpdateControl.patchStatus(route);
    }
    return readsSecrets(spec) ? control.rescheduleAfter(SECRET_RECHECK) : control;
  }

  private static boolean readsSecrets(ModelRouteSpec spec) {
    return spec.getBackends().stream()
            .anyMatch(b -> b.getExternal() != null && b.getExternal().getApiKeySecretRef() != null)
        || spec.getFallbacks().stream()
            .anyMatch(f -> f.getExternal() != null && f.getExternal().getApiKeySecretRef() != null);
  }

  @Override
  public List<EventSource<?, ModelRoute>> prepareEventSources(
      EventSourceContext<ModelRoute> context) {
    var config =
        InformerEventSourceConfiguration.from(ModelPool.class, ModelRoute.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(pool -> routesUsing(pool, context))
            .build();
    pools = new InformerEventSource<>(config, context);
    return List.of(pools);
  }

  /** A pool's change (its models' phases, a model removed, the pool deleted) wakes its routes. */
  private static Set<ResourceID> routesUsing(
      ModelPool pool, EventSourceContext<ModelRoute> context) {
    String namespace = pool.getMetadata().getNamespace();
    String name = pool.getMetadata().getName();
    return context
        .getPrimaryCache()
        .list(namespace)
        .filter(route -> PoolReferences.uses(route, namespace, name))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<ModelRoute> overrider) {
    // Lets the demo mode's ConfigurationServiceCustomizer reach this controller (see
    // NodeInventoryReconciler): its status patches must not use server-side apply there.
  }
}
