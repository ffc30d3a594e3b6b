package dev.modelfleet.serving.client;

import java.time.Duration;

/**
 * Timeouts of the engine clients.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for a response's headers (for a pull: for the stream to
 *     start)
 * @param pullIdleTimeout how long a pull may go without a progress line before it is abandoned
 */
public record EngineClientSettings(
    Duration connectTimeout, Duration requestTimeout, Duration pullIdleTimeout) {

  /** In-cluster connections are set up in milliseconds; 5 s means the pod is not there. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Listing models and health checks answer in milliseconds even on a busy engine. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Ollama sends a progress line at least every few hundred milliseconds while a pull moves; two
   * silent minutes mean the registry or the disk has stalled.
   */
  public static final Duration DEFAULT_PULL_IDLE_TIMEOUT = Duration.ofMinutes(2);

  /** Checks every timeout is positive. */
  public EngineClientSettings {
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("requestTimeout", requestTimeout);
    requirePositive("pullIdleTimeout", pullIdleTimeout);
  }

  /** The defaults above. */
  public static EngineClientSettings defaults() {
    return new EngineClientSettings(
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_PULL_IDLE_TIMEOUT);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + ": " + value + " must be a positive duration");
    }
  }
}
