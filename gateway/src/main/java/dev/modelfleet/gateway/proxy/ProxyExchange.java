package dev.modelfleet.gateway.proxy;

import dev.modelfleet.crds.v1alpha1.route.RoutePricing;
import dev.modelfleet.gateway.metrics.GatewayMetrics;
import dev.modelfleet.gateway.routing.Backend;
import dev.modelfleet.gateway.routing.RoutePlan;
import dev.modelfleet.gateway.usage.LastUsedRecorder;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One request's trip through its route's backends. An attempt fails over to the next backend on a
 * connection failure, a 5xx, a 429 or no answer within the route's timeout; the first answer that
 * is none of these (and the last backend's answer, whatever it is) is passed to the caller chunk by
 * chunk as it arrives. Once the caller has received a byte, nothing is retried.
 */
final class ProxyExchange {
  private static final Logger LOG = Logger.getLogger(ProxyExchange.class);

  /** Failure kinds, the {@code kind} and {@code cause} label values. */
  static final String CONNECT = "connect";

  static final String TIMEOUT = "timeout";
  static final String STATUS_5XX = "status_5xx";
  static final String STATUS_429 = "status_429";

  /** HTTP's Too Many Requests. */
  private static final int TOO_MANY_REQUESTS = 429;

  private static final int SERVER_ERROR = 500;
  private static final double TOKENS_PER_PRICE_UNIT = 1_000_000.0;
  private static final double NANOS_PER_SECOND = 1e9;

  /** Hop-by-hop headers (RFC 9110 section 7.6.1) that a proxy must not pass on. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private final Vertx vertx;
  private final HttpClient client;
  private final GatewayMetrics metrics;
  private final LastUsedRecorder lastUsed;
  private final RoutePlan plan;
  private final List<Backend> order;
  private final RequestBody body;
  private final String upstreamPath;
  private final String model;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final long started;
  private final long usageLimit;
  private final boolean stream;
  private final Map<String, Buffer> payloads = new HashMap<>();
  private int index;
  private Attempt current;
  private boolean callerGone;

  ProxyExchange(
      Vertx vertx,
      HttpClient client,
      GatewayMetrics metrics,
      LastUsedRecorder lastUsed,
      RoutePlan plan,
      List<Backend> order,
      RequestBody body,
      String upstreamPath,
      String model,
      HttpServerRequest request,
      HttpServerResponse response,
      long started,
      long usageLimit) {
    this.vertx = vertx;
    this.client = client;
    this.metrics = metrics;
    this.lastUsed = lastUsed;
    this.plan = plan;
    this.order = order;
    this.body = body;
    this.upstreamPath = upstreamPath;
    this.model = model;
    this.request = request;
    this.response = response;
    this.started = started;
    this.usageLimit = usageLimit;
    this.stream = body.stream();
  }

  void start() {
    response.closeHandler(
        v -> {
          callerGone = true;
          if (current != null) {
            current.abandon();
          }
        });
    attempt();
  }

  private void attempt() {
    Backend backend = order.get(index);
    Attempt attempt = new Attempt(backend);
    current = attempt;
    attempt.send();
  }

  /** The body for a backend: the caller's, with {@code model} set to what the backend serves. */
  private Buffer payload(Backend backend) {
    return payloads.computeIfAbsent(backend.upstreamModel(), body::withModel);
  }

  private boolean isLast() {
    return index == order.size() - 1;
  }

  private void failed(Attempt attempt, String kind, String detail) {
    metrics.upstreamError(plan.routeLabel(), attempt.backend.name(), kind);
    if (callerGone) {
      return;
    }
    if (!isLast()) {
      Backend next = order.get(index + 1);
      LOG.debugf(
          "Route %s: %s failed (%s: %s), trying %s",
          plan.routeLabel(), attempt.backend.name(), kind, detail, next.name());
      metrics.fallback(plan.routeLabel(), attempt.backend.name(), next.name(), kind);
      index++;
      attempt();
      return;
    }
    OpenAiError error =
        TIMEOUT.equals(kind)
            ? new OpenAiError(
                504,
                "No backend of model `"
                    + model
                    + "` answered within the route's timeoutSeconds ("
                    + plan.timeout().toSeconds()
                    + ").",
                "server_error",
                null,
                "upstream_timeout")
            : new OpenAiError(
                502,
                "No backend of model `" + model + "` could be reached (last: " + detail + ").",
                "server_error",
                null,
                "upstream_unavailable");
    metrics.request(plan.routeLabel(), attempt.backend.name(), model, error.status());
    metrics.duration(plan.routeLabel(), attempt.backend.name(), model, System.nanoTime() - started);
    error.send(response);
  }

  /** One backend's attempt: connect, send, and wait for the response head within the timeout. */
  private final class Attempt {
    private final Backend backend;
    private HttpClientRequest upstream;
    private long timer = -1;
    private boolean settled;

    Attempt(Backend backend) {
      this.backend = backend;
    }

    void send() {
      RequestOptions options =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setAbsoluteURI(backend.baseUrl() + upstreamPath)
              .putHeader("content-type", "application/json")
              .putHeader("accept", stream ? "text/event-stream" : "application/json");
      // The caller's key is for the gateway only; an external endpoint gets its own key.
      backend.apiKey().ifPresent(key -> options.putHeader("authorization", "Bearer " + key));
      timer = vertx.setTimer(plan.timeout().toMillis(), id -> timedOut());
      Buffer payload = payload(backend);
      client
          .request(options)
          .onComplete(
              opened -> {
                if (opened.failed()) {
                  settle(CONNECT, describe(opened.cause()));
                  return;
                }
                upstream = opened.result();
                if (settled) {
                  upstream.reset();
                  return;
                }
                upstream
                    .response()
                    .onComplete(
                        answered -> {
                          if (answered.failed()) {
                            settle(CONNECT, describe(answered.cause()));
                          } else {
                            head(answered.result());
                          }
                        });
                upstream.end(payload);
              });
    }

    private void timedOut() {
      timer = -1;
      if (settled) {
        return;
      }
      // Settle before resetting: the reset fails the pending response, which must not count as
      // a connection failure.
      HttpClientRequest pending = upstream;
      settle(TIMEOUT, "no answer within " + plan.timeout().toSeconds() + "s");
      if (pending != null) {
        pending.reset();
      }
    }

    void abandon() {
      if (upstream != null) {
        upstream.reset();
      }
      cancelTimer();
      settled = true;
    }

    private void settle(String kind, String detail) {
      if (settled) {
        return;
      }
      settled = true;
      cancelTimer();
      failed(this, kind, detail);
    }

    private void cancelTimer() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }

    private void head(HttpClientResponse answer) {
      if (settled) {
        return;
      }
      int status = answer.statusCode();
      String kind =
          status == TOO_MANY_REQUESTS ? STATUS_429 : status >= SERVER_ERROR ? STATUS_5XX : null;
      if (kind != null && !isLast()) {
        // The caller has received nothing yet, so the next backend can still take over. The
        // connection is dropped rather than drained: an error body is not worth waiting for.
        HttpClientRequest failed = upstream;
        // Resetting fails the unread body; nothing is waiting for it.
        answer.exceptionHandler(ignored -> {});
        settle(kind, "HTTP " + status);
        failed.reset();
        return;
      }
      settled = true;
      cancelTimer();
      if (kind != null) {
        metrics.upstreamError(plan.routeLabel(), backend.name(), kind);
      }
      relay(answer);
    }

    /** Passes the answer on chunk by chunk, with backpressure, and counts it when it ends. */
    private void relay(HttpClientResponse answer) {
      if (callerGone) {
        upstream.reset();
        return;
      }
      response.setStatusCode(answer.statusCode());
      copyHeaders(answer.headers(), response.headers());
      if (answer.getHeader("content-length") == null) {
        response.setChunked(true);
      }
      UsageScanner usage = new UsageScanner(stream, usageLimit);
      boolean[] first = {true};
      answer.handler(
          chunk -> {
            if (first[0]) {
              first[0] = false;
              metrics.timeToFirstToken(
                  plan.routeLabel(), backend.name(), model, System.nanoTime() - started);
            }
            usage.accept(chunk);
            response.write(chunk);
            if (response.writeQueueFull()) {
              answer.pause();
              response.drainHandler(v -> answer.resume());
            }
          });
      answer.exceptionHandler(
          error -> {
            // Bytes may already be with the caller: no retry, cut the caller's answer short.
            LOG.debugf(
                "Route %s: %s broke off mid-answer: %s",
                plan.routeLabel(), backend.name(), describe(error));
            metrics.upstreamError(plan.routeLabel(), backend.name(), CONNECT);
            metrics.request(plan.routeLabel(), backend.name(), model, answer.statusCode());
            response.reset();
          });
      answer.endHandler(
          v -> {
            response.end();
            usage.finish();
            finished(answer.statusCode(), usage);
          });
    }

    private void finished(int status, UsageScanner usage) {
      long nanos = System.nanoTime() - started;
      String route = plan.routeLabel();
      metrics.request(route, backend.name(), model, status);
      metrics.duration(route, backend.name(), model, nanos);
      metrics.tokens(route, backend.name(), model, "input", usage.inputTokens());
      metrics.tokens(route, backend.name(), model, "output", usage.outputTokens());
      metrics.cost(route, backend.name(), model, cost(usage, nanos));
      if (status / 100 == 2) {
        backend.lastUsed().ifPresent(lastUsed::record);
      }
    }

    private double cost(UsageScanner usage, long nanos) {
      RoutePricing pricing = plan.route().getSpec().getPricing();
      if (pricing != null
          && (pricing.getUsdPerMillionInputTokens() != null
              || pricing.getUsdPerMillionOutputTokens() != null)) {
        return usage.inputTokens()
                * orZero(pricing.getUsdPerMillionInputTokens())
                / TOKENS_PER_PRICE_UNIT
            + usage.outputTokens()
                * orZero(pricing.getUsdPerMillionOutputTokens())
                / TOKENS_PER_PRICE_UNIT;
      }
      return backend.dollarsPerSecond() * nanos / NANOS_PER_SECOND;
    }
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static void copyHeaders(MultiMap from, MultiMap to) {
    for (Map.Entry<String, String> header : from) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        to.add(header.getKey(), header.getValue());
      }
    }
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }
}
