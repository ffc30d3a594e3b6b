package dev.modelfleet.operator.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteStatus;

/**
 * Whether two route statuses say the same thing, compared as JSON trees, so an unchanged route is
 * not written on every reconcile.
 */
final class RouteStatusComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RouteStatusComparison() {}

  static boolean same(ModelRouteStatus before, ModelRouteStatus after) {
    return before != null && JSON.valueToTree(before).equals(JSON.valueToTree(after));
  }
}
