package dev.modelfleet.operator.route;

/**
 * Whether one backend can take requests now; reason is null when it can.
 *
 * @param readyEndpoints ready replicas behind a pool model, null for an external endpoint
 */
public record BackendState(boolean ready, Integer readyEndpoints, String reason, String message) {

  static BackendState ready(Integer readyEndpoints, String message) {
    return new BackendState(true, readyEndpoints, null, message);
  }

  static BackendState notReady(Integer readyEndpoints, String reason, String message) {
    return new BackendState(false, readyEndpoints, reason, message);
  }
}
