package dev.modelfleet.gateway.routing;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import java.time.Duration;
import java.util.List;

/**
 * A route's usable backends now: the healthy primaries (weight above 0) and the healthy fallbacks
 * in spec order, with the route's limits.
 */
public record RoutePlan(
    ModelRoute route,
    String routeLabel,
    List<Backend> primaries,
    List<Backend> fallbacks,
    int retries,
    Duration timeout) {

  /** Healthy backends and fallbacks, for the healthy-backends gauge. */
  public int healthyCount() {
    return primaries.size() + fallbacks.size();
  }
}
