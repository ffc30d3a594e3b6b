package dev.modelfleet.operator.pool;

import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.serving.ServingAdapters;
import dev.modelfleet.serving.ServingManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The objects a plan's engines are rendered into, by model, and the models whose rendering was
 * refused (an engine adapter rejects what the spec asks, e.g. an adapter path it cannot load).
 * Computed once per reconcile and shared with the dependents through the context.
 */
record RenderedPool(Map<String, ServingManifests> manifests, Map<String, String> refused) {
  static final String KEY = "modelfleet.rendered-pool";

  static RenderedPool render(PoolPlan plan) {
    Map<String, ServingManifests> manifests = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (PoolPlan.Workload workload : plan.serving()) {
      try {
        manifests.put(
            workload.model(),
            ServingAdapters.forEngine(workload.engine()).render(workload.request()));
      } catch (IllegalArgumentException e) {
        refused.put(workload.model(), e.getMessage());
      }
    }
    return new RenderedPool(Map.copyOf(manifests), Map.copyOf(refused));
  }

  static RenderedPool from(Context<?> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(KEY, RenderedPool.class);
  }

  Map<ResourceID, Deployment> deployments() {
    return byId(ServingManifests::deployment);
  }

  Map<ResourceID, Service> services() {
    return byId(ServingManifests::service);
  }

  Map<ResourceID, PersistentVolumeClaim> cacheClaims() {
    return byId(ServingManifests::cacheClaim);
  }

  private <R extends HasMetadata> Map<ResourceID, R> byId(Function<ServingManifests, R> part) {
    Map<ResourceID, R> out = new LinkedHashMap<>();
    manifests.values().stream()
        .map(part)
        .filter(java.util.Objects::nonNull)
        .forEach(r -> out.put(ResourceID.fromResource(r), r));
    return out;
  }

  List<String> models() {
    return List.copyOf(manifests.keySet());
  }
}
