package dev.modelfleet.operator.evalrunner;

/**
 * The runner's methodology version, recorded with every result: bump it when a change would make
 * new figures incomparable with old ones (prompts, scoring, timing points).
 */
public final class RunnerVersion {
  public static final String CURRENT = "modelfleet-eval 1";

  private RunnerVersion() {}
}
