package dev.modelfleet.gateway.usage;

import dev.modelfleet.gateway.config.GatewaySettings;
import dev.modelfleet.gateway.routing.Backend.PoolModelId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Remembers when each pool model last answered and writes it, batched, as ModelPool annotations
 * {@code lastused.modelfleet.dev/<model>} that the operator copies into {@code
 * status.models[].lastUsedTime} for least-recently-used eviction. One patch per pool per flush
 * interval at most; a failed write is logged and retried at the next flush, never seen by callers.
 */
@Singleton
public class LastUsedRecorder {
  /** Annotation prefix; the model name follows the slash. */
  public static final String ANNOTATION_PREFIX = "lastused.modelfleet.dev/";

  private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);

  private record PoolId(String namespace, String pool) {}

  private final PoolAnnotationWriter writer;
  private final Duration interval;
  private final Clock clock;
  private final Map<PoolId, Map<String, Instant>> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  /** A recorder writing through {@code writer} every configured flush interval. */
  @Inject
  public LastUsedRecorder(PoolAnnotationWriter writer, GatewaySettings settings) {
    this(writer, settings.lastUsedFlushInterval(), Clock.systemUTC());
  }

  LastUsedRecorder(PoolAnnotationWriter writer, Duration interval, Clock clock) {
    this.writer = writer;
    this.interval = interval;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "modelfleet-last-used");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, interval.toMillis());
    scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Notes that the pool model answered now; cheap, never blocks on the API server. */
  public void record(PoolModelId model) {
    Instant now = clock.instant();
    pending
        .computeIfAbsent(
            new PoolId(model.namespace(), model.pool()), k -> new ConcurrentHashMap<>())
        .merge(model.model(), now, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Writes what was recorded since the last flush: one patch per pool. */
  public void flush() {
    for (PoolId pool : pending.keySet()) {
      Map<String, Instant> taken = pending.remove(pool);
      if (taken == null || taken.isEmpty()) {
        continue;
      }
      Map<String, String> annotations = new TreeMap<>();
      taken.forEach(
          (model, at) ->
              annotations.put(
                  ANNOTATION_PREFIX + model,
                  DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS))));
      try {
        writer.annotate(pool.namespace(), pool.pool(), annotations);
      } catch (RuntimeException e) {
        LOG.warnf(
            "Could not record last-used times on ModelPool %s/%s (kept for the next flush): %s",
            pool.namespace(), pool.pool(), e.getMessage());
        taken.forEach(
            (model, at) ->
                pending
                    .computeIfAbsent(pool, k -> new ConcurrentHashMap<>())
                    .merge(model, at, (a, b) -> a.isAfter(b) ? a : b));
      }
    }
  }
}
