package dev.modelfleet.registry.hub;

/**
 * A successful Hub answer.
 *
 * @param body the parsed body; null when the Hub answered 304 Not Modified
 * @param etag the ETag the Hub sent, to revalidate with next time; null when it sent none
 */
public record HubResponse<T>(T body, String etag) {
  /** Whether the Hub said the cached copy is still current (304). */
  public boolean notModified() {
    return body == null;
  }
}
