package dev.modelfleet.crds.v1alpha1.common;

/** Where a Job-backed run (EvalRun, AdapterRun) stands. */
public enum RunPhase {
  Pending,
  Running,
  Succeeded,
  Failed
}
