package dev.modelfleet.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.auth.ApiKeyCheck;
import dev.modelfleet.gateway.config.GatewaySettings;
import dev.modelfleet.gateway.metrics.GatewayMetrics;
import dev.modelfleet.gateway.routes.RouteCatalog;
import dev.modelfleet.gateway.routing.AttemptOrder;
import dev.modelfleet.gateway.routing.Backend;
import dev.modelfleet.gateway.routing.BackendResolver;
import dev.modelfleet.gateway.routing.RoutePlan;
import dev.modelfleet.gateway.routing.RouteSelector;
import dev.modelfleet.gateway.usage.LastUsedRecorder;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The forwarding endpoints: reads the body (bounded), finds the route by {@code model}, checks the
 * caller's key, and hands the request to a {@link ProxyExchange} that tries the route's backends.
 * Everything runs on the Vert.x event loop; nothing here blocks.
 */
@Singleton
public class OpenAiProxy {
  /** OpenAI API paths the gateway forwards, with the path appended to a backend's base URL. */
  static final Map<String, String> FORWARDED =
      Map.of(
          "/v1/chat/completions", "/chat/completions",
          "/v1/completions", "/completions",
          "/v1/embeddings", "/embeddings");

  private final RouteCatalog catalog;
  private final BackendResolver resolver;
  private final ApiKeyCheck keys;
  private final GatewayMetrics metrics;
  private final LastUsedRecorder lastUsed;
  private final GatewaySettings settings;
  private final Vertx vertx;
  private final BackendClients clients;

  /** The proxy over the cached routes, sending through one Vert.x HTTP client per event loop. */
  public OpenAiProxy(
      RouteCatalog catalog,
      BackendResolver resolver,
      ApiKeyCheck keys,
      GatewayMetrics metrics,
      LastUsedRecorder lastUsed,
      GatewaySettings settings,
      Vertx vertx) {
    this.catalog = catalog;
    this.resolver = resolver;
    this.keys = keys;
    this.metrics = metrics;
    this.lastUsed = lastUsed;
    this.settings = settings;
    this.vertx = vertx;
    this.clients =
        new BackendClients(
            vertx,
            new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxPoolSize(settings.maxConnectionsPerBackend())
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                // Streams are passed on as they come: no decompression or aggregation.
                .setDecompressionSupported(false));
  }

  void routes(@Observes Router router) {
    FORWARDED.forEach((path, upstream) -> router.post(path).handler(ctx -> handle(ctx, upstream)));
  }

  void onStop(@Observes ShutdownEvent event) {
    clients.close();
  }

  private void handle(RoutingContext ctx, String upstreamPath) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    long started = System.nanoTime();
    long max = settings.maxBodyBytes();
    String declared = request.getHeader("content-length");
    if (declared != null && parseLength(declared) > max) {
      tooLarge(response, max, started);
      return;
    }
    Buffer body =
        Buffer.buffer(declared == null ? 1024 : (int) Math.min(parseLength(declared), max));
    boolean[] rejected = {false};
    request.handler(
        chunk -> {
          if (rejected[0]) {
            return;
          }
          if ((long) body.length() + chunk.length() > max) {
            rejected[0] = true;
            tooLarge(response, max, started);
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        v -> {
          if (!rejected[0]) {
            dispatch(request, response, body, upstreamPath, started);
          }
        });
    request.exceptionHandler(e -> response.reset());
    request.resume();
  }

  private void dispatch(
      HttpServerRequest request,
      HttpServerResponse response,
      Buffer raw,
      String upstreamPath,
      long started) {
    RequestBody body;
    try {
      Optional<RequestBody> parsed = RequestBody.read(raw);
      if (parsed.isEmpty()) {
        reject(
            OpenAiError.invalidRequest("The request body must be a JSON object.", null), response);
        return;
      }
      body = parsed.get();
    } catch (IOException e) {
      reject(
          OpenAiError.invalidRequest(
              "We could not parse the JSON body of your request: " + firstLine(e), null),
          response);
      return;
    }
    Optional<String> requested = body.model();
    if (requested.isEmpty()) {
      reject(
          OpenAiError.invalidRequest(
              "You must provide a model parameter: a string naming one of GET /v1/models.",
              "model"),
          response);
      return;
    }
    String model = requested.get();
    List<ModelRoute> routes = catalog.routesFor(model);
    Optional<ModelRoute> selected = RouteSelector.select(routes, model, request::getHeader);
    if (selected.isEmpty()) {
      String message =
          RouteSelector.known(routes, model)
              ? "No route for model `"
                  + model
                  + "` matches this request's headers (see the ModelRoute's spec.match)."
              : "The model `" + model + "` does not exist or you do not have access to it.";
      reject(
          new OpenAiError(404, message, "invalid_request_error", "model", "model_not_found"),
          response);
      return;
    }
    ModelRoute route = selected.get();
    RoutePlan plan = resolver.plan(route);
    String label = plan.routeLabel();
    switch (keys.check(route, request.getHeader("authorization"))) {
      case UNAUTHENTICATED -> {
        response.putHeader("www-authenticate", "Bearer");
        answered(
            new OpenAiError(
                401,
                "Incorrect or missing API key: send Authorization: Bearer <key> with a key"
                    + " from one of the route's apiKeys Secrets.",
                "invalid_request_error",
                null,
                "invalid_api_key"),
            response,
            label,
            model);
        return;
      }
      case FORBIDDEN -> {
        answered(
            new OpenAiError(
                403,
                "This API key may not call model `" + model + "`.",
                "invalid_request_error",
                "model",
                "model_not_allowed"),
            response,
            label,
            model);
        return;
      }
      case ALLOWED -> {}
    }
    List<Backend> order = AttemptOrder.of(plan, ThreadLocalRandom.current());
    if (order.isEmpty()) {
      answered(
          new OpenAiError(
              503,
              "No healthy backend for model `"
                  + model
                  + "`: its pool models have no ready replicas and no fallback is usable.",
              "server_error",
              null,
              "no_healthy_backend"),
          response,
          label,
          model);
      return;
    }
    new ProxyExchange(
            vertx,
            clients.current(),
            metrics,
            lastUsed,
            plan,
            order,
            body,
            upstreamPath,
            model,
            request,
            response,
            started,
            settings.maxBodyBytes())
        .start();
  }

  private void tooLarge(HttpServerResponse response, long max, long started) {
    // The rest of an oversized body is not read: close the connection after answering.
    response.putHeader("connection", "close");
    reject(
        new OpenAiError(
            413,
            "The request body is larger than "
                + max
                + " bytes (modelfleet.gateway.max-body-bytes): send a smaller body or raise"
                + " the limit.",
            "invalid_request_error",
            null,
            "request_too_large"),
        response);
  }

  private void reject(OpenAiError error, HttpServerResponse response) {
    answered(error, response, GatewayMetrics.NONE, GatewayMetrics.NONE);
  }

  private void answered(
      OpenAiError error, HttpServerResponse response, String route, String model) {
    metrics.request(route, GatewayMetrics.NONE, model, error.status());
    error.send(response);
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String firstLine(Exception e) {
    String message =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
