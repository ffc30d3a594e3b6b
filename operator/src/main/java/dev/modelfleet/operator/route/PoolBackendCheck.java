package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.ServedAdapter;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a pool model (or one of its adapters) can take requests, from the ModelPool's spec (is it
 * listed?) and status (is it Serving with a ready replica?).
 */
public final class PoolBackendCheck {
  private PoolBackendCheck() {}

  /** The state of the referenced model; pool is null when no such ModelPool exists. */
  public static BackendState check(ServedModelRef ref, ModelPool pool) {
    String model = ref.getModel();
    if (pool == null) {
      return BackendState.notReady(
          0,
          RouteReasons.POOL_NOT_FOUND,
          "no ModelPool " + ref.getPool() + " in the route's namespace: create it or fix the name");
    }
    if (pool.getMetadata().getDeletionTimestamp() != null) {
      return BackendState.notReady(
          0, RouteReasons.POOL_DELETING, "ModelPool " + ref.getPool() + " is being deleted");
    }
    Optional<PoolModel> listed =
        pool.getSpec() == null
            ? Optional.empty()
            : pool.getSpec().getModels().stream()
                .filter(m -> Objects.equals(m.getName(), model))
                .findFirst();
    if (listed.isEmpty()) {
      return BackendState.notReady(
          0,
          RouteReasons.MODEL_NOT_IN_POOL,
          "ModelPool "
              + ref.getPool()
              + " lists no model "
              + model
              + " in spec.models: add it there or fix poolModel.model");
    }
    Optional<ModelStatus> status =
        pool.getStatus() == null
            ? Optional.empty()
            : pool.getStatus().getModels().stream()
                .filter(m -> Objects.equals(m.getName(), model))
                .findFirst();
    int ready = status.map(PoolBackendCheck::readyReplicas).orElse(0);
    if (status.isEmpty() || status.get().getPhase() != ModelPhase.Serving || ready <= 0) {
      return BackendState.notReady(ready, RouteReasons.MODEL_NOT_SERVING, notServing(ref, status));
    }
    String adapter = ref.getAdapter();
    if (adapter != null && !adapter.isEmpty() && !status.get().getAdapters().contains(adapter)) {
      boolean declared =
          listed.get().getAdapters().stream().map(ServedAdapter::getName).anyMatch(adapter::equals);
      return BackendState.notReady(
          ready,
          RouteReasons.ADAPTER_NOT_SERVED,
          declared
              ? "adapter " + adapter + " is listed on model " + model + " but not served yet"
              : "model "
                  + model
                  + " of ModelPool "
                  + ref.getPool()
                  + " has no adapter "
                  + adapter
                  + ": add it to spec.models[].adapters or register an AdapterRun");
    }
    return BackendState.ready(ready, "serving with " + ready + " ready replica(s)");
  }

  private static int readyReplicas(ModelStatus status) {
    return status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
  }

  private static String notServing(ServedModelRef ref, Optional<ModelStatus> status) {
    if (status.isEmpty() || status.get().getPhase() == null) {
      return "ModelPool " + ref.getPool() + " has not reported model " + ref.getModel() + " yet";
    }
    ModelStatus s = status.get();
    StringBuilder out =
        new StringBuilder("model ")
            .append(ref.getModel())
            .append(" is ")
            .append(s.getPhase())
            .append(" with ")
            .append(readyReplicas(s))
            .append(" ready replica(s)");
    if (s.getReason() != null) {
      out.append(" (").append(s.getReason()).append(')');
    }
    if (s.getMessage() != null && !s.getMessage().isBlank()) {
      out.append(": ").append(s.getMessage());
    }
    return out.toString();
  }
}
