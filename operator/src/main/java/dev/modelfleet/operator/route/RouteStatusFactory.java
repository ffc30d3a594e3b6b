package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.route.BackendRole;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteStatus;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a route's status from its resolved backends and spec problems. Conditions keep their
 * lastTransitionTime while their status holds, so an unchanged route yields an identical status.
 */
public final class RouteStatusFactory {
  private RouteStatusFactory() {}

  /** The status for route, given its backends as resolved and the spec's problems. */
  public static ModelRouteStatus build(
      ModelRoute route, List<ResolvedBackend> backends, List<SpecProblem> problems, String now) {
    ModelRouteStatus status = new ModelRouteStatus();
    Long generation = route.getMetadata().getGeneration();
    status.setObservedGeneration(generation);
    status.setBackends(backends);
    status.setBackendCount(backends.size());
    status.setReadyBackends((int) backends.stream().filter(RouteStatusFactory::isReady).count());
    List<Condition> current =
        route.getStatus() == null ? List.of() : route.getStatus().getConditions();
    status.setConditions(
        Conditions.merge(
            current,
            List.of(ready(backends, problems), degraded(backends), specValid(problems)),
            generation,
            now));
    return status;
  }

  private static Condition ready(List<ResolvedBackend> backends, List<SpecProblem> problems) {
    if (!problems.isEmpty()) {
      return condition(
          ConditionTypes.READY,
          false,
          RouteReasons.INVALID_SPEC,
          "the spec is invalid (see SpecValid): " + problems.get(0).describe());
    }
    List<ResolvedBackend> weighted =
        backends.stream()
            .filter(b -> b.getRole() == BackendRole.PRIMARY && b.getWeight() != null)
            .filter(b -> b.getWeight() > 0)
            .toList();
    long ready = weighted.stream().filter(RouteStatusFactory::isReady).count();
    if (ready > 0) {
      return condition(
          ConditionTypes.READY,
          true,
          RouteReasons.BACKENDS_READY,
          ready + " of " + weighted.size() + " weighted backend(s) ready");
    }
    return condition(
        ConditionTypes.READY,
        false,
        RouteReasons.NO_BACKEND_READY,
        "no weighted backend is ready: " + summary(weighted));
  }

  private static Condition degraded(List<ResolvedBackend> backends) {
    List<ResolvedBackend> down = backends.stream().filter(b -> !isReady(b)).toList();
    if (down.isEmpty()) {
      return condition(
          RouteConditionTypes.DEGRADED,
          false,
          RouteReasons.ALL_BACKENDS_READY,
          "every backend and fallback is ready");
    }
    return condition(
        RouteConditionTypes.DEGRADED,
        true,
        RouteReasons.BACKENDS_NOT_READY,
        down.size() + " of " + backends.size() + " not ready: " + summary(down));
  }

  private static Condition specValid(List<SpecProblem> problems) {
    if (problems.isEmpty()) {
      return condition(
          ConditionTypes.SPEC_VALID, true, RouteReasons.SPEC_VALID, "the spec is valid");
    }
    return condition(
        ConditionTypes.SPEC_VALID,
        false,
        problems.get(0).reason(),
        problems.stream().map(SpecProblem::describe).collect(Collectors.joining("; ")));
  }

  private static String summary(List<ResolvedBackend> backends) {
    return backends.stream()
        .map(b -> b.getName() + " (" + b.getReason() + ")")
        .collect(Collectors.joining(", "));
  }

  static boolean isReady(ResolvedBackend backend) {
    return Boolean.TRUE.equals(backend.getReady());
  }

  private static Condition condition(String type, boolean status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
