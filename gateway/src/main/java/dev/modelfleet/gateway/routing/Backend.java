package dev.modelfleet.gateway.routing;

import java.util.Optional;

/**
 * One place a request can go.
 *
 * @param name the metrics label: pool/model[/adapter], or the URL of an external endpoint
 * @param baseUrl OpenAI API base up to and including {@code /v1}, without a trailing slash
 * @param upstreamModel the {@code model} the backend expects in the body
 * @param apiKey the Bearer token to send (external endpoints), never the caller's
 * @param weight share among primary backends; 0 for fallbacks
 * @param lastUsed the pool model to mark as used after a success, absent for external endpoints
 * @param dollarsPerSecond GPU cost of the serving replica per second, 0 when unknown
 */
public record Backend(
    String name,
    String baseUrl,
    String upstreamModel,
    Optional<String> apiKey,
    int weight,
    Optional<PoolModelId> lastUsed,
    double dollarsPerSecond) {

  /** A pool model, as named in a ModelPool's namespace. */
  public record PoolModelId(String namespace, String pool, String model) {}
}
