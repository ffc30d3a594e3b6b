package dev.modelfleet.operator.route;

import static dev.modelfleet.operator.route.Routes.external;
import static dev.modelfleet.operator.route.Routes.externalBackend;
import static dev.modelfleet.operator.route.Routes.poolBackend;
import static dev.modelfleet.operator.route.Routes.route;
import static dev.modelfleet.operator.route.Routes.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.ResolvedBackend;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ModelRoute controller against a real API server, as the chart's RBAC allows it. The ModelPool
 * controller runs too; the pools here are dry runs on a hardware profile that does not exist, so it
 * never places them and the tests write the pools' status themselves, as a serving pool would.
 */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class ModelRouteControllerTest {
  /** Covers the Secret re-check interval with room for a slow, shared build machine. */
  private static final Duration WAIT = ModelRouteReconciler.SECRET_RECHECK.plusSeconds(30);

  /** How long an unchanged route must keep its resourceVersion. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  private static final String NS = "routes";

  private final KubernetesClient admin = AdminClient.create();

  @BeforeEach
  void emptyNamespace() {
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    admin.resources(ModelRoute.class).inNamespace(NS).delete();
    admin.resources(ModelPool.class).inNamespace(NS).delete();
    admin.secrets().inNamespace(NS).delete();
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.resources(ModelRoute.class).inNamespace(NS).list().getItems().isEmpty()
                    && admin
                        .resources(ModelPool.class)
                        .inNamespace(NS)
                        .list()
                        .getItems()
                        .isEmpty());
  }

  @Test
  void readinessFollowsThePoolLive() {
    createUnplacedPool("chat", "llama");
    admin
        .resource(
            route(NS, "chat", spec(PrivacyTier.LOCAL_ONLY, poolBackend("chat", "llama", null, 1))))
        .create();

    ModelRoute waiting =
        awaitRoute("chat", r -> backend(r, 0).map(b -> !b.getReady()).orElse(false));
    assertThat(backend(waiting, 0).orElseThrow().getReason())
        .isEqualTo(RouteReasons.MODEL_NOT_SERVING);
    assertThat(condition(waiting, ConditionTypes.READY)).isEqualTo("False");
    assertThat(condition(waiting, RouteConditionTypes.DEGRADED)).isEqualTo("True");
    assertThat(condition(waiting, ConditionTypes.SPEC_VALID)).isEqualTo("True");
    assertThat(waiting.getStatus().getObservedGeneration())
        .isEqualTo(waiting.getMetadata().getGeneration());

    setModelStatus("chat", "llama", ModelPhase.Serving, 1);

    ModelRoute ready = awaitRoute("chat", r -> "True".equals(condition(r, ConditionTypes.READY)));
    ResolvedBackend llama = backend(ready, 0).orElseThrow();
    assertThat(llama.getName()).isEqualTo("chat/llama");
    assertThat(llama.getReadyEndpoints()).isEqualTo(1);
    assertThat(llama.getReason()).isNull();
    assertThat(condition(ready, RouteConditionTypes.DEGRADED)).isEqualTo("False");
    assertThat(ready.getStatus().getReadyBackends()).isEqualTo(1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(reasons("chat"))
                    .contains(RouteReasons.EVENT_BACKEND_NOT_READY, RouteReasons.EVENT_READY));
  }

  @Test
  void aMissingPoolIsPoolNotFoundUntilItIsCreated() {
    admin
        .resource(
            route(
                NS, "orphan", spec(PrivacyTier.LOCAL_ONLY, poolBackend("later", "llama", null, 1))))
        .create();

    ModelRoute missing = awaitRoute("orphan", r -> hasReason(r, RouteReasons.POOL_NOT_FOUND));
    assertThat(condition(missing, ConditionTypes.READY)).isEqualTo("False");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(reasons("orphan")).contains(RouteReasons.EVENT_BACKEND_MISSING));

    createUnplacedPool("later", "qwen");
    awaitRoute("orphan", r -> hasReason(r, RouteReasons.MODEL_NOT_IN_POOL));
  }

  @Test
  void anExternalBackendNeedsItsApiKeySecret() {
    admin
        .resource(
            route(
                NS,
                "hosted",
                spec(
                    PrivacyTier.PUBLIC,
                    externalBackend(
                        external("https://api.openai.com/v1", false, "openai", "api-key"), 1))))
        .create();

    ModelRoute missing = awaitRoute("hosted", r -> hasReason(r, RouteReasons.SECRET_NOT_FOUND));
    assertThat(backend(missing, 0).orElseThrow().getName()).isEqualTo("https://api.openai.com/v1");
    assertThat(condition(missing, ConditionTypes.READY)).isEqualTo("False");

    // Secrets are read, not watched: the route notices on its next re-check.
    admin
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("openai")
                .withNamespace(NS)
                .endMetadata()
                .addToStringData("api-key", "sk-test")
                .build())
        .create();
    awaitRoute("hosted", r -> "True".equals(condition(r, ConditionTypes.READY)));
  }

  @Test
  void noWeightedBackendIsAnInvalidSpec() {
    admin
        .resource(
            route(NS, "idle", spec(PrivacyTier.LOCAL_ONLY, poolBackend("chat", "llama", null, 0))))
        .create();

    ModelRoute invalid =
        awaitRoute("idle", r -> "False".equals(condition(r, ConditionTypes.SPEC_VALID)));
    var specValid = invalid.getStatus().condition(ConditionTypes.SPEC_VALID).orElseThrow();
    assertThat(specValid.getReason()).isEqualTo(RouteReasons.NO_WEIGHTED_BACKEND);
    assertThat(specValid.getMessage()).startsWith("spec.backends: ");
    assertThat(invalid.getStatus().condition(ConditionTypes.READY).orElseThrow().getReason())
        .isEqualTo(RouteReasons.INVALID_SPEC);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(reasons("idle")).contains(RouteReasons.INVALID_SPEC));
  }

  @Test
  void anExternalBackendOnALocalOnlyRouteIsAnInvalidSpecReportedOnce() {
    // The CRD's CEL rule rejects this on Kubernetes 1.25 and later; 1.20 stores it.
    ModelRouteSpec spec =
        spec(
            PrivacyTier.LOCAL_ONLY,
            externalBackend(external("https://api.openai.com/v1", false, null, null), 1));
    admin.resource(route(NS, "leaky", spec)).create();

    ModelRoute invalid =
        awaitRoute("leaky", r -> "False".equals(condition(r, ConditionTypes.SPEC_VALID)));
    var specValid = invalid.getStatus().condition(ConditionTypes.SPEC_VALID).orElseThrow();
    assertThat(specValid.getReason()).isEqualTo(RouteReasons.EXTERNAL_BACKEND_FORBIDDEN);
    assertThat(specValid.getMessage()).startsWith("spec.backends[0].external: ");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(reasons("leaky")).containsOnlyOnce(RouteReasons.INVALID_SPEC));
    String version = invalid.getMetadata().getResourceVersion();
    await()
        .during(QUIET)
        .atMost(QUIET.plus(WAIT))
        .until(() -> version.equals(get("leaky").getMetadata().getResourceVersion()));
    assertThat(reasons("leaky")).containsOnlyOnce(RouteReasons.INVALID_SPEC);
  }

  @Test
  void aReconcileThatFindsNothingChangedWritesNothing() {
    createUnplacedPool("steady", "llama");
    admin
        .resource(
            route(
                NS,
                "steady",
                spec(PrivacyTier.LOCAL_ONLY, poolBackend("steady", "llama", null, 1))))
        .create();
    ModelRoute settled = awaitRoute("steady", r -> hasReason(r, RouteReasons.MODEL_NOT_SERVING));
    String version = settled.getMetadata().getResourceVersion();
    int events = reasons("steady").size();
    double passes = routeReconciles();

    // A label wakes the route (the pool informer maps it) without changing what it resolves to.
    admin
        .resources(ModelPool.class)
        .inNamespace(NS)
        .withName("steady")
        .edit(
            p -> {
              p.getMetadata().getLabels().put("team", "search");
              return p;
            });
    await().atMost(WAIT).until(() -> routeReconciles() > passes);

    await()
        .during(QUIET)
        .atMost(QUIET.plus(WAIT))
        .until(() -> version.equals(get("steady").getMetadata().getResourceVersion()));
    assertThat(reasons("steady")).hasSize(events);
  }

  /** A pool the pool controller reports on but never places: a dry run on no hardware. */
  private void createUnplacedPool(String name, String model) {
    ModelPool pool = Routes.pool(NS, name, model);
    pool.getSpec().setDryRun(true);
    HardwareProfileSelector none = new HardwareProfileSelector();
    none.setNames(List.of("no-such-profile"));
    pool.getSpec().setHardwareProfiles(none);
    admin.resource(pool).create();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              ModelPool p = admin.resources(ModelPool.class).inNamespace(NS).withName(name).get();
              return p.getStatus() != null
                  && p.getStatus().getObservedGeneration() != null
                  && p.getStatus().getModels().stream()
                      .anyMatch(m -> m.getName().equals(model) && m.getPhase() != null);
            });
  }

  private void setModelStatus(String pool, String model, ModelPhase phase, int readyReplicas) {
    admin
        .resources(ModelPool.class)
        .inNamespace(NS)
        .withName(pool)
        .editStatus(
            p -> {
              ModelStatus status =
                  p.getStatus().getModels().stream()
                      .filter(m -> m.getName().equals(model))
                      .findFirst()
                      .orElseThrow();
              status.setPhase(phase);
              status.setReadyReplicas(readyReplicas);
              status.setReason(phase.name());
              status.setMessage("set by the test");
              return p;
            });
  }

  private ModelRoute awaitRoute(String name, Predicate<ModelRoute> condition) {
    return await()
        .atMost(WAIT)
        .until(() -> get(name), r -> r != null && r.getStatus() != null && condition.test(r));
  }

  private ModelRoute get(String name) {
    return admin.resources(ModelRoute.class).inNamespace(NS).withName(name).get();
  }

  private static Optional<ResolvedBackend> backend(ModelRoute route, int index) {
    List<ResolvedBackend> backends = route.getStatus().getBackends();
    return index < backends.size() ? Optional.of(backends.get(index)) : Optional.empty();
  }

  private static boolean hasReason(ModelRoute route, String reason) {
    return backend(route, 0).map(b -> reason.equals(b.getReason())).orElse(false);
  }

  private static String condition(ModelRoute route, String type) {
    return route.getStatus().condition(type).map(c -> c.getStatus()).orElse(null);
  }

  /** Successful ModelRoute reconciles so far, from the operator's Prometheus metrics. */
  private static double routeReconciles() {
    return given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(line -> line.startsWith("operator_sdk_reconciliations_success_total"))
        .filter(line -> line.contains("kind=\"ModelRoute\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private List<String> reasons(String route) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "ModelRoute".equals(e.getInvolvedObject().getKind()))
        .filter(e -> route.equals(e.getInvolvedObject().getName()))
        .map(Event::getReason)
        .toList();
  }
}
