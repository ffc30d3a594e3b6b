package dev.modelfleet.operator.route;

import static dev.modelfleet.operator.route.Routes.external;
import static dev.modelfleet.operator.route.Routes.externalFallback;
import static dev.modelfleet.operator.route.Routes.modelStatus;
import static dev.modelfleet.operator.route.Routes.pool;
import static dev.modelfleet.operator.route.Routes.poolBackend;
import static dev.modelfleet.operator.route.Routes.poolFallback;
import static dev.modelfleet.operator.route.Routes.route;
import static dev.modelfleet.operator.route.Routes.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.route.BackendRole;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteStatus;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.route.SecretLookup.SecretKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolution, status and Events together, without a cluster. */
class RouteStatusTest {
  private static final String NS = "team";
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-01-01T00:01:00Z";
  private static final String T2 = "2026-01-01T00:02:00Z";

  private final Map<String, ModelPool> pools = new HashMap<>();
  private final RecordedEvents events = new RecordedEvents();
  private ModelRoute route;

  @BeforeEach
  void chatRouteWithTwoPrimariesAndTwoFallbacks() {
    ModelPool chat = pool(NS, "chat", "llama", "qwen");
    modelStatus(chat, "llama", ModelPhase.Downloading, 0, "EngineStarting");
    modelStatus(chat, "qwen", ModelPhase.Pending, 0, "InsufficientGpus");
    pools.put("chat", chat);
    var spec =
        spec(
            PrivacyTier.PUBLIC,
            poolBackend("chat", "llama", null, 80),
            poolBackend("chat", "qwen", null, 20));
    spec.getFallbacks().add(poolFallback("gone", "llama"));
    spec.getFallbacks()
        .add(externalFallback(external("https://api.openai.com/v1", false, "openai", "api-key")));
    route = route(NS, "chat", spec);
    route.getMetadata().setGeneration(3L);
  }

  @Test
  void namesRolesWeightsAndReasonsInSpecOrder() {
    ModelRouteStatus status = reconcile(T0);
    assertThat(status.getBackends())
        .extracting(ResolvedBackend::getName)
        .containsExactly("chat/llama", "chat/qwen", "gone/llama", "https://api.openai.com/v1");
    assertThat(status.getBackends())
        .extracting(ResolvedBackend::getRole)
        .containsExactly(
            BackendRole.PRIMARY, BackendRole.PRIMARY, BackendRole.FALLBACK, BackendRole.FALLBACK);
    assertThat(status.getBackends())
        .extracting(ResolvedBackend::getWeight)
        .containsExactly(80, 20, null, null);
    assertThat(status.getBackends())
        .extracting(ResolvedBackend::getReason)
        .containsExactly(
            RouteReasons.MODEL_NOT_SERVING,
            RouteReasons.MODEL_NOT_SERVING,
            RouteReasons.POOL_NOT_FOUND,
            RouteReasons.SECRET_NOT_FOUND);
    assertThat(status.getBackendCount()).isEqualTo(4);
    assertThat(status.getReadyBackends()).isZero();
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(condition(status, ConditionTypes.READY)).isEqualTo("False");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getReason())
        .isEqualTo(RouteReasons.NO_BACKEND_READY);
    assertThat(condition(status, RouteConditionTypes.DEGRADED)).isEqualTo("True");
    assertThat(condition(status, ConditionTypes.SPEC_VALID)).isEqualTo("True");
    assertThat(events.reasons())
        .containsExactly(
            RouteReasons.EVENT_BACKEND_NOT_READY,
            RouteReasons.EVENT_BACKEND_NOT_READY,
            RouteReasons.EVENT_BACKEND_MISSING,
            RouteReasons.EVENT_BACKEND_MISSING);
  }

  @Test
  void aServingPrimaryMakesTheRouteReadyButStillDegraded() {
    reconcile(T0);
    events.clear();
    modelStatus(pools.get("chat"), "llama", ModelPhase.Serving, 1, "Serving");

    ModelRouteStatus status = reconcile(T1);

    assertThat(condition(status, ConditionTypes.READY)).isEqualTo("True");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getMessage())
        .isEqualTo("1 of 2 weighted backend(s) ready");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getLastTransitionTime())
        .isEqualTo(T1);
    assertThat(condition(status, RouteConditionTypes.DEGRADED)).isEqualTo("True");
    assertThat(status.getReadyBackends()).isEqualTo(1);
    assertThat(status.getBackends().get(0).getReadyEndpoints()).isEqualTo(1);
    assertThat(events.reasons()).containsExactly(RouteReasons.EVENT_READY);
  }

  @Test
  void aWeightZeroPrimaryDoesNotMakeTheRouteReady() {
    route.getSpec().getBackends().get(1).setWeight(0);
    modelStatus(pools.get("chat"), "qwen", ModelPhase.Serving, 1, "Serving");
    assertThat(condition(reconcile(T0), ConditionTypes.READY)).isEqualTo("False");
  }

  @Test
  void nothingChangedMeansTheSameStatusAndNoEvents() {
    reconcile(T0);
    events.clear();
    ModelRouteStatus before = route.getStatus();

    ModelRouteStatus after = reconcileWithoutStoring(T2);

    assertThat(RouteStatusComparison.same(before, after)).isTrue();
    assertThat(events.reasons()).isEmpty();
  }

  @Test
  void anInvalidSpecIsReportedOnceWithTheField() {
    route.getSpec().setPrivacyTier(PrivacyTier.LOCAL_ONLY);
    ModelRouteStatus status = reconcile(T0);
    var specValid = status.condition(ConditionTypes.SPEC_VALID).orElseThrow();
    assertThat(specValid.getStatus()).isEqualTo("False");
    assertThat(specValid.getReason()).isEqualTo(RouteReasons.EXTERNAL_BACKEND_FORBIDDEN);
    assertThat(specValid.getMessage()).startsWith("spec.fallbacks[1].external: ");
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getReason())
        .isEqualTo(RouteReasons.INVALID_SPEC);
    assertThat(events.reasons()).contains(RouteReasons.INVALID_SPEC);

    events.clear();
    reconcile(T1);
    assertThat(events.reasons()).isEmpty();
  }

  @Test
  void aBackendThatRecoversAndFailsAgainIsReportedAgain() {
    reconcile(T0);
    modelStatus(pools.get("chat"), "llama", ModelPhase.Serving, 1, "Serving");
    reconcile(T1);
    events.clear();
    modelStatus(pools.get("chat"), "llama", ModelPhase.Failed, 0, "CrashLoop");

    ModelRouteStatus status = reconcile(T2);

    assertThat(events.reasons()).containsExactly(RouteReasons.EVENT_BACKEND_NOT_READY);
    assertThat(events.messages().get(0)).contains("chat/llama").contains("Failed");
    assertThat(condition(status, ConditionTypes.READY)).isEqualTo("False");
  }

  @Test
  void aRouteNamingAPoolIsWokenByItOnlyInItsNamespace() {
    assertThat(PoolReferences.uses(route, NS, "chat")).isTrue();
    assertThat(PoolReferences.uses(route, NS, "gone")).isTrue();
    assertThat(PoolReferences.uses(route, NS, "other")).isFalse();
    assertThat(PoolReferences.uses(route, "elsewhere", "chat")).isFalse();
  }

  private ModelRouteStatus reconcile(String now) {
    ModelRouteStatus status = reconcileWithoutStoring(now);
    route.setStatus(status);
    return status;
  }

  private ModelRouteStatus reconcileWithoutStoring(String now) {
    List<SpecProblem> problems = RouteSpecValidator.validate(route.getSpec());
    List<ResolvedBackend> backends =
        BackendResolver.resolve(route.getSpec(), pools::get, name -> SecretKeys.missing());
    ModelRouteStatus status = RouteStatusFactory.build(route, backends, problems, now);
    RouteEvents.record(events, route, route.getStatus(), status);
    return status;
  }

  private static String condition(ModelRouteStatus status, String type) {
    return status.condition(type).orElseThrow().getStatus();
  }

  /** Keeps Events in memory instead of sending them. */
  private static final class RecordedEvents extends EventRecorder {
    private final List<String[]> recorded = new ArrayList<>();

    RecordedEvents() {
      super(null);
    }

    @Override
    public void normal(HasMetadata about, String reason, String message) {
      recorded.add(new String[] {reason, message});
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
      recorded.add(new String[] {reason, message});
    }

    List<String> reasons() {
      return recorded.stream().map(r -> r[0]).toList();
    }

    List<String> messages() {
      return recorded.stream().map(r -> r[1]).toList();
    }

    void clear() {
      recorded.clear();
    }
  }
}
