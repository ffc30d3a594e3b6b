package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteStatus;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events for {@code kubectl describe modelroute}: a backend gone missing or not ready, an invalid
 * spec, the route turning Ready. Only transitions are recorded, so a steady route is quiet.
 */
final class RouteEvents {
  private RouteEvents() {}

  static void record(
      EventRecorder recorder, ModelRoute route, ModelRouteStatus before, ModelRouteStatus after) {
    List<Condition> was = before == null ? List.of() : before.getConditions();
    Optional<Condition> invalid =
        Conditions.find(after.getConditions(), ConditionTypes.SPEC_VALID)
            .filter(c -> "False".equals(c.getStatus()));
    if (invalid.isPresent()
        && !Conditions.find(was, ConditionTypes.SPEC_VALID)
            .map(c -> "False".equals(c.getStatus()) && sameText(c, invalid.get()))
            .orElse(false)) {
      recorder.warning(route, RouteReasons.INVALID_SPEC, invalid.get().getMessage());
    }
    for (ResolvedBackend now : after.getBackends()) {
      if (RouteStatusFactory.isReady(now)) {
        continue;
      }
      Optional<ResolvedBackend> prior = find(before, now);
      boolean changed =
          prior.isEmpty()
              || RouteStatusFactory.isReady(prior.get())
              || !Objects.equals(prior.get().getReason(), now.getReason());
      if (changed) {
        recorder.warning(
            route,
            RouteReasons.meansMissing(now.getReason())
                ? RouteReasons.EVENT_BACKEND_MISSING
                : RouteReasons.EVENT_BACKEND_NOT_READY,
            now.getName() + " (" + now.getReason() + "): " + now.getMessage());
      }
    }
    if (Conditions.turned(was, after.getConditions(), ConditionTypes.READY, "True")) {
      recorder.normal(
          route,
          RouteReasons.EVENT_READY,
          Conditions.find(after.getConditions(), ConditionTypes.READY)
              .map(Condition::getMessage)
              .orElse("ready"));
    }
  }

  private static boolean sameText(Condition a, Condition b) {
    return Objects.equals(a.getReason(), b.getReason())
        && Objects.equals(a.getMessage(), b.getMessage());
  }

  private static Optional<ResolvedBackend> find(ModelRouteStatus status, ResolvedBackend like) {
    return status == null
        ? Optional.empty()
        : status.getBackends().stream()
            .filter(b -> Objects.equals(b.getName(), like.getName()))
            .filter(b -> b.getRole() == like.getRole())
            .findFirst();
  }
}
