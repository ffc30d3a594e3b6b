package dev.modelfleet.gateway.openai;

import dev.modelfleet.gateway.routes.RouteCatalog;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/models}: the model names the gateway has routes for. */
@Path("/v1/models")
public class ModelsResource {
  private final RouteCatalog catalog;

  /** A resource over the given catalog. */
  public ModelsResource(RouteCatalog catalog) {
    this.catalog = catalog;
  }

  /** Every routed model in the watched namespaces, sorted by name. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  // Reads only the informer cache, so it can answer on the event loop without a worker hop.
  @NonBlocking
  public ModelList list() {
    return ModelList.of(catalog.routes());
  }
}
