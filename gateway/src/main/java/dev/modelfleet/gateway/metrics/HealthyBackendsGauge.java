package dev.modelfleet.gateway.metrics;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.routes.RouteCatalog;
import dev.modelfleet.gateway.routing.BackendResolver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code modelfleet_gateway_healthy_backends{route}} current: on every route or pool change,
 * and periodically for Secret changes (an external endpoint's key appearing).
 */
@Singleton
public class HealthyBackendsGauge {
  /** How often the gauge is recomputed besides on changes: well under a scrape interval. */
  static final long REFRESH_MILLIS = 5_000;

  private final RouteCatalog catalog;
  private final BackendResolver resolver;
  private final GatewayMetrics metrics;
  private Vertx vertx;
  private long timer;

  /** A gauge over the cached routes. */
  public HealthyBackendsGauge(
      RouteCatalog catalog, BackendResolver resolver, GatewayMetrics metrics) {
    this.catalog = catalog;
    this.resolver = resolver;
    this.metrics = metrics;
  }

  void onStart(@Observes StartupEvent event, Vertx vertx) {
    catalog.onChange(this::refresh);
    this.vertx = vertx;
    timer = vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    refresh();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  /** Recomputes every route's healthy backends. */
  public synchronized void refresh() {
    Map<String, Integer> byRoute = new TreeMap<>();
    for (ModelRoute route : catalog.routes()) {
      if (route.getSpec() == null || route.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      var plan = resolver.plan(route);
      byRoute.put(plan.routeLabel(), plan.healthyCount());
    }
    metrics.healthyBackends(byRoute);
  }
}
