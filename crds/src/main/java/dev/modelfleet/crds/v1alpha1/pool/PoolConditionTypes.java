package dev.modelfleet.crds.v1alpha1.pool;

/** Condition types a ModelPool reports beside Ready (see ConditionTypes for the shared ones). */
public final class PoolConditionTypes {
  /** True while some models are Unfit, Evicted or Failed although the pool serves others. */
  public static final String DEGRADED = "Degraded";

  /** True while the current plan is being rolled out: downloads or Deployments not yet ready. */
  public static final String PROGRESSING = "Progressing";

  private PoolConditionTypes() {}
}
