package dev.modelfleet.operator.route;

/** Condition types a ModelRoute reports beside Ready and SpecValid (see ConditionTypes). */
public final class RouteConditionTypes {
  /** True while some backend or fallback is missing or not ready. */
  public static final String DEGRADED = "Degraded";

  private RouteConditionTypes() {}
}
