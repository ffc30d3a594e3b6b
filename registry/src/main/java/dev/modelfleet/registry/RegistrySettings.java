package dev.modelfleet.registry;

import dev.modelfleet.registry.hub.HubClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * How the registry reads the Hub.
 *
 * @param hubEnabled false for offline or air-gapped use: the Hub is never contacted
 * @param hubEndpoint the Hub or a private mirror of its API
 * @param hubToken bearer token for private and gated repositories; null for none
 * @param hubTimeout per-request limit
 * @param refreshInterval how long a cached Hub answer is used before it is revalidated
 * @param clock the time source (tests pin it)
 */
public record RegistrySettings(
    boolean hubEnabled,
    URI hubEndpoint,
    String hubToken,
    Duration hubTimeout,
    Duration refreshInterval,
    Clock clock) {

  /**
   * Default refresh cadence: model metadata (license, gating, files) changes rarely, and a daily
   * revalidation is a conditional GET answered 304 when nothing changed.
   */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(24);

  /** Checks the values. */
  public RegistrySettings {
    if (hubEndpoint == null || hubEndpoint.getScheme() == null || hubEndpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "hubEndpoint must be an absolute http(s) URL such as https://huggingface.co, was "
              + hubEndpoint);
    }
    if (!hubEndpoint.getScheme().equals("https") && !hubEndpoint.getScheme().equals("http")) {
      throw new IllegalArgumentException(
          "hubEndpoint must use http or https, was " + hubEndpoint.getScheme());
    }
    if (hubTimeout == null || hubTimeout.isNegative() || hubTimeout.isZero()) {
      throw new IllegalArgumentException("hubTimeout must be positive, was " + hubTimeout);
    }
    if (refreshInterval == null || refreshInterval.isNegative()) {
      throw new IllegalArgumentException(
          "refreshInterval must be zero or positive, was " + refreshInterval);
    }
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** The public Hub, no token, the default timeout and refresh cadence. */
  public static RegistrySettings defaults() {
    return new RegistrySettings(
        true,
        HubClient.DEFAULT_ENDPOINT,
        null,
        HubClient.DEFAULT_TIMEOUT,
        DEFAULT_REFRESH_INTERVAL,
        Clock.systemUTC());
  }

  /** The same settings with the Hub switched off (true) or on (false). */
  public RegistrySettings withOffline(boolean offline) {
    return new RegistrySettings(
        !offline, hubEndpoint, hubToken, hubTimeout, refreshInterval, clock);
  }

  /** The same settings against another endpoint, with a token (null for none). */
  public RegistrySettings withHub(URI endpoint, String token) {
    return new RegistrySettings(hubEnabled, endpoint, token, hubTimeout, refreshInterval, clock);
  }

  /** The same settings with another per-request timeout. */
  public RegistrySettings withHubTimeout(Duration timeout) {
    return new RegistrySettings(hubEnabled, hubEndpoint, hubToken, timeout, refreshInterval, clock);
  }

  /** The same settings with another refresh cadence. */
  public RegistrySettings withRefreshInterval(Duration interval) {
    return new RegistrySettings(hubEnabled, hubEndpoint, hubToken, hubTimeout, interval, clock);
  }

  /** The same settings with another clock. */
  public RegistrySettings withClock(Clock other) {
    return new RegistrySettings(
        hubEnabled, hubEndpoint, hubToken, hubTimeout, refreshInterval, other);
  }

  @Override
  public String toString() {
    // Never print the token.
    return "RegistrySettings[hubEnabled="
        + hubEnabled
        + ", hubEndpoint="
        + hubEndpoint
        + ", hubToken="
        + (hubToken == null ? "none" : "(set)")
        + ", hubTimeout="
        + hubTimeout
        + ", refreshInterval="
        + refreshInterval
        + "]";
  }
}
