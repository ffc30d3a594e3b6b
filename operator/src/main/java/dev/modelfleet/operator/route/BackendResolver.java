package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.route.BackendRole;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Resolves every backend and fallback of a route, in spec order, to its readiness. */
public final class BackendResolver {
  private BackendResolver() {}

  /**
   * The spec's backends then fallbacks as resolved; pools maps a ModelPool name in the route's
   * namespace to the pool, or null when there is none.
   */
  public static List<ResolvedBackend> resolve(
      ModelRouteSpec spec, Function<String, ModelPool> pools, SecretLookup secrets) {
    List<ResolvedBackend> out = new ArrayList<>();
    for (WeightedBackend b : spec.getBackends()) {
      out.add(
          one(
              b.getPoolModel(),
              b.getExternal(),
              BackendRole.PRIMARY,
              RouteDefaults.weight(b),
              pools,
              secrets));
    }
    for (FallbackBackend f : spec.getFallbacks()) {
      out.add(one(f.getPoolModel(), f.getExternal(), BackendRole.FALLBACK, null, pools, secrets));
    }
    return out;
  }

  /** The name a backend goes by in status: pool/model[/adapter], or the external URL. */
  public static String nameOf(ServedModelRef poolModel, ExternalBackend external) {
    if (poolModel != null) {
      String adapter = poolModel.getAdapter();
      return poolModel.getPool()
          + "/"
          + poolModel.getModel()
          + (adapter == null || adapter.isEmpty() ? "" : "/" + adapter);
    }
    return external == null ? "" : external.getUrl();
  }

  private static ResolvedBackend one(
      ServedModelRef poolModel,
      ExternalBackend external,
      BackendRole role,
      Integer weight,
      Function<String, ModelPool> pools,
      SecretLookup secrets) {
    BackendState state;
    if (poolModel != null && external == null) {
      state = PoolBackendCheck.check(poolModel, pools.apply(poolModel.getPool()));
    } else if (external != null && poolModel == null) {
      state = ExternalBackendCheck.check(external, secrets);
    } else {
      state =
          BackendState.notReady(
              null,
              RouteReasons.BACKEND_KIND_AMBIGUOUS,
              "set exactly one of poolModel or external");
    }
    ResolvedBackend r = new ResolvedBackend();
    r.setName(nameOf(poolModel, external));
    r.setRole(role);
    r.setWeight(weight);
    r.setReady(state.ready());
    r.setReadyEndpoints(state.readyEndpoints());
    r.setReason(state.reason());
    r.setMessage(state.message());
    return r;
  }
}
