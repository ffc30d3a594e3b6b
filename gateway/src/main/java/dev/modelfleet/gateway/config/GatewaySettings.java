package dev.modelfleet.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/** The gateway's own settings ({@code modelfleet.gateway.*}, or {@code MODELFLEET_GATEWAY_*}). */
@ConfigMapping(prefix = "modelfleet.gateway")
public interface GatewaySettings {

  /**
   * Namespaces whose ModelRoutes the gateway serves, comma-separated; empty means all namespaces
   * (which needs cluster-wide list/watch on modelroutes).
   */
  Optional<Set<String>> namespaces();
}
