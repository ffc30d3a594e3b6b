package dev.modelfleet.registry.hub;

/** A failed Hub read: a stable {@link HubErrorCode} and a one-line message naming the URL. */
public final class HubException extends Exception {
  private static final long serialVersionUID = 1L;

  private final HubErrorCode code;

  /** A failure with its code; the message says what was asked and what came back. */
  public HubException(HubErrorCode code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /** The stable code. */
  public HubErrorCode code() {
    return code;
  }
}
