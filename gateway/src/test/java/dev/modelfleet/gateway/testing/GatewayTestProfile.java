package dev.modelfleet.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The forwarding tests' settings: last-used times flushed every second instead of every minute. */
public class GatewayTestProfile implements QuarkusTestProfile {
  /** Short enough for a test to wait on, long enough to batch a burst of requests. */
  public static final String FLUSH_INTERVAL = "1s";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "modelfleet.gateway.last-used-flush-interval",
        FLUSH_INTERVAL,
        // The mock API server logs every request at INFO.
        "quarkus.log.category.\"io.fabric8.mockwebserver\".level",
        "WARN");
  }
}
