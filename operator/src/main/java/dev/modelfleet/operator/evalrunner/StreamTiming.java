package dev.modelfleet.operator.evalrunner;

/**
 * The timing of one streamed request, in System.nanoTime() readings.
 *
 * @param ok whether it completed with content
 * @param sent when the request was sent
 * @param firstToken when the first content arrived
 * @param lastToken when the last content arrived
 * @param done when the stream ended
 * @param outputTokens tokens generated
 * @param error why it failed, when it did
 */
record StreamTiming(
    boolean ok,
    long sent,
    long firstToken,
    long lastToken,
    long done,
    int outputTokens,
    String error) {

  private static final double NANOS_PER_MILLI = 1e6;

  static StreamTiming failed(long sent, String error) {
    return new StreamTiming(false, sent, 0, 0, System.nanoTime(), 0, error);
  }

  /** Time to first token, ms. */
  double ttftMillis() {
    return (firstToken - sent) / NANOS_PER_MILLI;
  }

  /**
   * Mean gap between tokens after the first, ms (GuideLLM's inter-token latency); NaN for a single
   * token.
   */
  double interTokenMillis() {
    return outputTokens < 2
        ? Double.NaN
        : (lastToken - firstToken) / NANOS_PER_MILLI / (outputTokens - 1);
  }

  /** Whole request, ms. */
  double endToEndMillis() {
    return (done - sent) / NANOS_PER_MILLI;
  }
}
