package dev.modelfleet.operator.runs;

/**
 * Why a run cannot start yet, as a condition reason and message: a target not found or not serving,
 * a missing HardwareProfile. The run waits and looks again; nothing is retried in a loop.
 */
public class RunProblem extends RuntimeException {
  private final String reason;

  public RunProblem(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
