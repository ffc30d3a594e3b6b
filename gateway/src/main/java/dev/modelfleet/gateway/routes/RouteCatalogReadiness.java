package dev.modelfleet.gateway.routes;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the route informers have synced, so no replica answers from an empty catalog. */
@Readiness
@Singleton
public class RouteCatalogReadiness implements HealthCheck {
  /** The name of this check in {@code /q/health/ready}. */
  public static final String NAME = "modelroute-catalog";

  private final RouteCatalog catalog;

  /** A check over the given catalog. */
  public RouteCatalogReadiness(RouteCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public HealthCheckResponse call() {
    boolean synced = catalog.hasSynced();
    var response =
        HealthCheckResponse.named(NAME)
            .status(synced)
            .withData("namespaces", catalog.describeNamespaces());
    return synced
        ? response.withData("routes", catalog.routes().size()).build()
        : response
            .withData("reason", "ModelRoute and ModelPool informers have not synced yet")
            .build();
  }
}
