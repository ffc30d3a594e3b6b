package dev.modelfleet.serving.client;

/** A failed call to an engine's API, classified by {@link EngineErrorCode}. */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final EngineErrorCode code;

  /** A failure with a message that says what was called and what happened. */
  public EngineException(EngineErrorCode code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /** A failure caused by a lower-level exception, kept as the cause. */
  public EngineException(EngineErrorCode code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  /** What kind of failure it was. */
  public EngineErrorCode code() {
    return code;
  }
}
