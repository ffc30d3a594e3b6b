package dev.modelfleet.operator.runs;

/** Condition types of Job-backed runs (EvalRun, AdapterRun), beside Ready, SpecValid, Warning. */
public final class RunConditionTypes {
  /** True while the run's Job is running (or its results are being collected). */
  public static final String RUNNING = "Running";

  /** True once the run has failed for good: its reason says why. */
  public static final String FAILED = "Failed";

  private RunConditionTypes() {}
}
