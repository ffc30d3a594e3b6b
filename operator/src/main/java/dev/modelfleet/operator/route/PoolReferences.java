package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import java.util.Objects;
import java.util.stream.Stream;

/** Which ModelPools a route names, so a pool's change wakes only the routes that use it. */
public final class PoolReferences {
  private PoolReferences() {}

  /** True when a backend or fallback of route names the pool (in the route's namespace). */
  public static boolean uses(ModelRoute route, String namespace, String pool) {
    if (route.getSpec() == null || !Objects.equals(route.getMetadata().getNamespace(), namespace)) {
      return false;
    }
    return Stream.concat(
            route.getSpec().getBackends().stream().map(WeightedBackend::getPoolModel),
            route.getSpec().getFallbacks().stream().map(FallbackBackend::getPoolModel))
        .filter(Objects::nonNull)
        .map(ServedModelRef::getPool)
        .anyMatch(pool::equals);
  }
}
