package dev.modelfleet.serving.client;

import java.util.OptionalDouble;

/**
 * One progress line of an Ollama pull.
 *
 * @param status what Ollama is doing: "pulling manifest", "pulling <digest>", "verifying sha256
 *     digest", "writing manifest", "success"
 * @param digest the layer being downloaded; null for steps that are not downloads
 * @param completedBytes bytes of the layer downloaded so far; 0 when not reported
 * @param totalBytes size of the layer; 0 when not reported
 */
public record PullProgress(String status, String digest, long completedBytes, long totalBytes) {

  /** The status of the last line of a pull that worked. */
  public static final String SUCCESS = "success";

  /** Share of the layer downloaded, 0 to 1; empty when the line carries no sizes. */
  public OptionalDouble fraction() {
    return totalBytes > 0
        ? OptionalDouble.of(Math.min(1.0, (double) completedBytes / totalBytes))
        : OptionalDouble.empty();
  }
}
