package dev.modelfleet.serving.workload;

/**
 * HTTP paths and timing of an engine's probes.
 *
 * @param startupPath path the startup probe polls until the engine first answers
 * @param readinessPath path that says the engine can take requests
 * @param livenessPath path that says the process is alive; must stay cheap
 * @param startupSeconds how long the engine may take to start, downloads included
 */
public record EngineProbes(
    String startupPath, String readinessPath, String livenessPath, int startupSeconds) {

  /** Checks the budget is positive. */
  public EngineProbes {
    if (startupSeconds < 1) {
      throw new IllegalArgumentException("startupSeconds: must be positive");
    }
  }

  /** The same path for all three probes. */
  public static EngineProbes onePath(String path, int startupSeconds) {
    return new EngineProbes(path, path, path, startupSeconds);
  }
}
