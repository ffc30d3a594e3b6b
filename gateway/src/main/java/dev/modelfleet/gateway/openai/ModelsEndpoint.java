package dev.modelfleet.gateway.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.auth.ApiKeyCheck;
import dev.modelfleet.gateway.routes.RouteCatalog;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /v1/models}: the models of the routes the caller may call. A route without {@code
 * apiKeys} is listed for everyone; a route with them only for a caller presenting one of its keys.
 * Answered on the event loop from the informer caches.
 */
@Singleton
public class ModelsEndpoint {
  /** The path, as OpenAI clients call it. */
  public static final String PATH = "/v1/models";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RouteCatalog catalog;
  private final ApiKeyCheck keys;

  /** The endpoint over the cached routes and their keys. */
  public ModelsEndpoint(RouteCatalog catalog, ApiKeyCheck keys) {
    this.catalog = catalog;
    this.keys = keys;
  }

  void routes(@Observes Router router) {
    router.get(PATH).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    List<ModelRoute> callable =
        keys.callable(catalog.routes(), ctx.request().getHeader("authorization"));
    ctx.response()
        .putHeader("content-type", "application/json")
        .end(Buffer.buffer(json(ModelList.of(callable))));
  }

  private static byte[] json(ModelList list) {
    try {
      return JSON.writeValueAsBytes(list);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
