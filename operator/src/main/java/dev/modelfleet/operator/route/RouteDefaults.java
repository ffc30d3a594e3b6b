package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;

/**
 * The CRD's defaults for fields a client may have left unset (the API server fills them in, but a
 * resource built in memory or stored before a default existed may lack them).
 */
final class RouteDefaults {
  /** WeightedBackend.weight's schema default. */
  static final int DEFAULT_WEIGHT = 1;

  private RouteDefaults() {}

  static int weight(WeightedBackend backend) {
    return backend.getWeight() == null ? DEFAULT_WEIGHT : backend.getWeight();
  }

  /** ModelRouteSpec.privacyTier's schema default is internal. */
  static PrivacyTier privacyTier(ModelRouteSpec spec) {
    return spec.getPrivacyTier() == null ? PrivacyTier.INTERNAL : spec.getPrivacyTier();
  }
}
