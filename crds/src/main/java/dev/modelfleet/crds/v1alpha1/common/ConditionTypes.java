package dev.modelfleet.crds.v1alpha1.common;

/** Condition types shared by the ModelFleet resources. */
public final class ConditionTypes {
  /** The resource has converged and is usable. */
  public static final String READY = "Ready";

  /** Something is usable but worth a person's attention (True when a warning applies). */
  public static final String WARNING = "Warning";

  /** The spec is valid (False with a reason naming the field when it is not). */
  public static final String SPEC_VALID = "SpecValid";

  private ConditionTypes() {}
}
