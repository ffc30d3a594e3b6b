package dev.modelfleet.operator.runs;

/** Reads a finished container's log: where a runner's whole report is when its message was cut. */
public interface PodLogs {
  /**
   * The log of {@code container} in the Pod; fails with {@link LogUnavailableException} saying why
   * when it cannot be read (the Pod is gone, the log was rotated, the node is unreachable).
   */
  String read(String namespace, String pod, String container);

  /** A log that cannot be read. */
  final class LogUnavailableException extends RuntimeException {
    public LogUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
