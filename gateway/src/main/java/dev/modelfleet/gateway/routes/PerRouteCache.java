package dev.modelfleet.gateway.routes;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values derived from one cached ModelRoute and the other caches (its plan, its keys), computed
 * once per {@link CatalogGeneration} instead of on every request.
 *
 * <p>Routes are keyed by identity: an informer replaces a route's object on every change, and
 * advances the generation, which drops every value.
 */
public final class PerRouteCache<V> {
  private final CatalogGeneration generation;
  private volatile Values<V> values = new Values<>(-1);

  /** A cache that forgets its values when {@code generation} moves. */
  public PerRouteCache(CatalogGeneration generation) {
    this.generation = generation;
  }

  /** The value for {@code route}, computed from the caches as they are now when not yet known. */
  public V get(ModelRoute route, Function<ModelRoute, V> compute) {
    // Read the generation first: a value computed after a change but stored under the older
    // generation is dropped on the next call, never kept past a change.
    long now = generation.current();
    Values<V> current = values;
    if (current.generation != now) {
      current = new Values<>(now);
      values = current;
    }
    return current.byRoute.computeIfAbsent(new Identity(route), k -> compute.apply(route));
  }

  private record Values<V>(long generation, Map<Identity, V> byRoute) {
    Values(long generation) {
      this(generation, new ConcurrentHashMap<>());
    }
  }

  /** Identity, not Fabric8's field-by-field equality, which would walk the whole spec. */
  private record Identity(ModelRoute route) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && that.route == route;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(route);
    }
  }
}
