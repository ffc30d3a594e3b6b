package dev.modelfleet.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's Prometheus metrics. Micrometer's Prometheus naming adds {@code _total} to counters
 * and {@code _seconds} to timers, so {@code modelfleet.gateway.requests} is scraped as {@code
 * modelfleet_gateway_requests_total}.
 */
@Singleton
public class GatewayMetrics {
  /** Label value when a request never reached a route or a backend. */
  public static final String NONE = "none";

  /**
   * Whole-request buckets: an embedding answers in tens of milliseconds, a long completion can run
   * for minutes (the route timeout is up to an hour, but that bounds only the first byte).
   */
  static final Duration[] DURATION_BUCKETS =
      seconds(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600);

  /**
   * Time-to-first-token buckets: tens of milliseconds on a warm engine, seconds under queueing or a
   * long prompt's prefill.
   */
  static final Duration[] TTFT_BUCKETS =
      seconds(0.01, 0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 2, 5, 10, 30, 60);

  private static final double NANOS_PER_SECOND = 1e9;

  private final MeterRegistry registry;
  private final MultiGauge healthyBackends;
  // Meters are looked up once per label set: building and registering a meter on every request
  // costs more than the rest of the request's bookkeeping.
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  /** Metrics registered in the given registry. */
  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.healthyBackends =
        MultiGauge.builder("modelfleet.gateway.healthy.backends")
            .description("Healthy backends and fallbacks of each route")
            .register(registry);
  }

  /** One answered request; {@code status} is the HTTP status the caller got. */
  public void request(String route, String backend, String model, int status) {
    String code = Integer.toString(status);
    counters
        .computeIfAbsent(
            List.of("requests", route, backend, model, code),
            k ->
                Counter.builder("modelfleet.gateway.requests")
                    .description("Requests answered, by route, backend, model and HTTP status")
                    .tags("route", route, "backend", backend, "model", model, "status", code)
                    .register(registry))
        .increment();
  }

  /** Time from receiving the request to the last byte of the answer. */
  public void duration(String route, String backend, String model, long nanos) {
    timers
        .computeIfAbsent(
            List.of("duration", route, backend, model),
            k ->
                Timer.builder("modelfleet.gateway.request.duration")
                    .description("Time from the request to the end of the answer")
                    .tags("route", route, "backend", backend, "model", model)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Time from receiving the request to the first byte of the backend's answer body. */
  public void timeToFirstToken(String route, String backend, String model, long nanos) {
    timers
        .computeIfAbsent(
            List.of("ttft", route, backend, model),
            k ->
                Timer.builder("modelfleet.gateway.time.to.first.token")
                    .description("Time from the request to the first byte of the answer body")
                    .tags("route", route, "backend", backend, "model", model)
                    .serviceLevelObjectives(TTFT_BUCKETS)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Tokens from an answer's {@code usage}; direction is input or output. */
  public void tokens(String route, String backend, String model, String direction, long tokens) {
    if (tokens <= 0) {
      return;
    }
    counters
        .computeIfAbsent(
            List.of("tokens", route, backend, model, direction),
            k ->
                Counter.builder("modelfleet.gateway.tokens")
                    .description(
                        "Prompt (input) and completion (output) tokens from the answers' usage")
                    .tags(
                        "route", route, "backend", backend, "model", model, "direction", direction)
                    .register(registry))
        .increment(tokens);
  }

  /** Estimated cost of one answer, in US dollars. */
  public void cost(String route, String backend, String model, double dollars) {
    if (!(dollars > 0)) {
      return;
    }
    counters
        .computeIfAbsent(
            List.of("cost", route, backend, model),
            k ->
                Counter.builder("modelfleet.gateway.estimated.cost.dollars")
                    .description(
                        "Estimated cost: route pricing per million tokens, or the pool's GPU-hour"
                            + " cost")
                    .tags("route", route, "backend", backend, "model", model)
                    .register(registry))
        .increment(dollars);
  }

  /** A request moved from one backend to the next. */
  public void fallback(String route, String from, String to, String cause) {
    counters
        .computeIfAbsent(
            List.of("fallbacks", route, from, to, cause),
            k ->
                Counter.builder("modelfleet.gateway.fallbacks")
                    .description("Moves from a failed backend to the next, by cause")
                    .tags("route", route, "from_backend", from, "to_backend", to, "cause", cause)
                    .register(registry))
        .increment();
  }

  /** A backend failed: connect, timeout, status_5xx or status_429. */
  public void upstreamError(String route, String backend, String kind) {
    counters
        .computeIfAbsent(
            List.of("upstream.errors", route, backend, kind),
            k ->
                Counter.builder("modelfleet.gateway.upstream.errors")
                    .description("Backend failures by kind")
                    .tags("route", route, "backend", backend, "kind", kind)
                    .register(registry))
        .increment();
  }

  /** Replaces the healthy-backends gauge's rows: one per route, routes gone are dropped. */
  public void healthyBackends(Map<String, Integer> byRoute) {
    healthyBackends.register(
        byRoute.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("route", e.getKey()), e.getValue()))
            .toList(),
        true);
  }

  private static Duration[] seconds(double... values) {
    return java.util.Arrays.stream(values)
        .mapToObj(s -> Duration.ofNanos(Math.round(s * NANOS_PER_SECOND)))
        .toArray(Duration[]::new);
  }
}
