package dev.modelfleet.operator.pool;

import dev.modelfleet.serving.ManagedLabels;

/** The labels that mark objects the pool controller owns, for its informers' selectors. */
final class EngineLabels {
  /** Engines' Deployments, Services and cache claims, as the serving adapters label them. */
  static final String SELECTOR =
      ManagedLabels.MANAGED_BY
          + "="
          + ManagedLabels.OPERATOR
          + ","
          + ManagedLabels.COMPONENT
          + "=engine";

  private EngineLabels() {}
}
