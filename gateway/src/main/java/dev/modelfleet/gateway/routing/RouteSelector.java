package dev.modelfleet.gateway.routing;

import dev.modelfleet.crds.v1alpha1.route.HeaderMatch;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the route for a request: among routes for the body's {@code model} whose header matches all
 * hold, the one with the most headers, a route without match last; ties go to the oldest.
 */
public final class RouteSelector {
  private RouteSelector() {}

  /** The route for {@code model} given the request's headers (looked up case-insensitively). */
  public static Optional<ModelRoute> select(
      Collection<ModelRoute> routes, String model, Function<String, String> header) {
    Comparator<ModelRoute> preference =
        Comparator.comparingInt(RouteSelector::headerCount)
            .reversed()
            .thenComparing(r -> nullToEmpty(r.getMetadata().getCreationTimestamp()))
            .thenComparing(r -> nullToEmpty(r.getMetadata().getNamespace()))
            .thenComparing(r -> nullToEmpty(r.getMetadata().getName()));
    return routes.stream()
        .filter(r -> r.getSpec() != null && r.getMetadata() != null)
        .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
        .filter(r -> model.equals(r.getSpec().getModel()))
        .filter(r -> matches(r, header))
        .min(preference);
  }

  /** Whether any route serves {@code model}, whatever its header matches. */
  public static boolean known(Collection<ModelRoute> routes, String model) {
    return routes.stream()
        .anyMatch(
            r ->
                r.getSpec() != null
                    && r.getMetadata() != null
                    && r.getMetadata().getDeletionTimestamp() == null
                    && model.equals(r.getSpec().getModel()));
  }

  private static boolean matches(ModelRoute route, Function<String, String> header) {
    for (HeaderMatch match : headers(route)) {
      if (match == null || match.getName() == null) {
        continue;
      }
      if (!java.util.Objects.equals(header.apply(match.getName()), match.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static int headerCount(ModelRoute route) {
    return headers(route).size();
  }

  private static List<HeaderMatch> headers(ModelRoute route) {
    return route.getSpec().getMatch() == null ? List.of() : route.getSpec().getMatch().getHeaders();
  }

  // Creation timestamps are RFC 3339 in UTC with a fixed width, so they sort as strings.
  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
