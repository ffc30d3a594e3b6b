package dev.modelfleet.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The gateway's own settings ({@code modelfleet.gateway.*}, or {@code MODELFLEET_GATEWAY_*}). */
@ConfigMapping(prefix = "modelfleet.gateway")
public interface GatewaySettings {
  /**
   * Default request body limit: 8 MiB holds a long-context prompt (128k tokens of text is about 0.5
   * MiB) with room for base64 images, and stays under Quarkus' own 10 MiB body limit.
   */
  String DEFAULT_MAX_BODY_BYTES = "8388608";

  /** Default pause between last-used writes: one write per pool model per minute at most. */
  String DEFAULT_LAST_USED_FLUSH_INTERVAL = "60s";

  /** Default limit on opening a connection to a backend, separate from the route's timeout. */
  String DEFAULT_CONNECT_TIMEOUT = "5s";

  /**
   * Default connections kept per backend host by each event loop (Quarkus runs two per CPU): with
   * two or more loops, enough for a busy engine's concurrent streams (vLLM batches 256 sequences by
   * default), so requests never queue for a connection.
   */
  String DEFAULT_MAX_CONNECTIONS_PER_BACKEND = "128";

  /**
   * Namespaces whose ModelRoutes the gateway serves, comma-separated; empty means all namespaces
   * (which needs cluster-wide list/watch on modelroutes).
   */
  Optional<Set<String>> namespaces();

  /** Largest request body accepted, in bytes; larger bodies get 413. */
  @WithDefault(DEFAULT_MAX_BODY_BYTES)
  long maxBodyBytes();

  /** How often recorded last-used times are written to ModelPools (one patch per pool). */
  @WithDefault(DEFAULT_LAST_USED_FLUSH_INTERVAL)
  Duration lastUsedFlushInterval();

  /** Limit on opening a TCP (and TLS) connection to a backend; a failure falls back. */
  @WithDefault(DEFAULT_CONNECT_TIMEOUT)
  Duration connectTimeout();

  /** Connections kept open per backend host and port, by each event loop. */
  @WithDefault(DEFAULT_MAX_CONNECTIONS_PER_BACKEND)
  int maxConnectionsPerBackend();
}
