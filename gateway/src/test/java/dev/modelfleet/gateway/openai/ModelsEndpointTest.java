package dev.modelfleet.gateway.openai;

import static dev.modelfleet.gateway.testing.TestRoutes.route;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.routes.RouteCatalogReadiness;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.ModelRouteCrd;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/models} (what the caller may call) and readiness, against Fabric8's mock API
 * server in CRUD mode.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = ModelRouteCrd.class)
class ModelsEndpointTest {
  // Generous: on a loaded build machine a watch event can take several seconds to arrive.
  private static final Duration INFORMER_WAIT = Duration.ofSeconds(30);

  @KubernetesTestServer KubernetesServer server;

  @Test
  void listsRoutesOfAllNamespacesInOpenAiFormatSortedById() {
    ModelRoute zeta = create(route("team-a", "zeta", "zeta-chat"));
    create(route("team-b", "alpha", "alpha-chat"));
    create(route("team-a", "middle", "middle-chat"));

    JsonPath body =
        awaitModels(ids -> ids.containsAll(List.of("alpha-chat", "middle-chat", "zeta-chat")));

    assertThat(body.getString("object")).isEqualTo("list");
    List<String> ids = body.getList("data.id", String.class);
    assertThat(ids).isSorted();
    Map<String, Object> entry = entry(body, "zeta-chat");
    assertThat(entry)
        .containsEntry("object", "model")
        .containsEntry("owned_by", "modelfleet")
        .containsOnlyKeys("id", "object", "created", "owned_by");
    assertThat(((Number) entry.get("created")).longValue()).isEqualTo(createdOf(zeta));
  }

  @Test
  void deletedRouteDisappears() {
    ModelRoute doomed = create(route("team-a", "doomed", "doomed-chat"));
    awaitModels(ids -> ids.contains("doomed-chat"));

    client().resource(doomed).delete();

    awaitModels(ids -> !ids.contains("doomed-chat"));
  }

  @Test
  void routesSharingAModelNameAreListedOnce() {
    ModelRoute first = create(route("team-a", "shared-a", "shared-chat"));
    create(route("team-b", "shared-b", "shared-chat"));
    create(route("team-b", "shared-c", "shared-chat"));
    awaitModels(ids -> ids.contains("shared-chat"));

    // Wait until the informer has seen all three, then check they still collapse into one entry.
    await()
        .atMost(INFORMER_WAIT)
        .untilAsserted(
            () -> {
              List<String> ids = models().getList("data.id", String.class);
              assertThat(ids).containsOnlyOnce("shared-chat").doesNotHaveDuplicates();
            });
    assertThat(((Number) entry(models(), "shared-chat").get("created")).longValue())
        .isEqualTo(createdOf(first));
  }

  @Test
  void aRouteWithKeysIsListedOnlyForItsKeys() {
    Fleet fleet = new Fleet(client(), "listing-keys");
    fleet.secret("team-keys", Map.of("k1", "sk-team"));
    fleet
        .route("private", "private-chat")
        .backend("pool", "m", 1)
        .apiKeys("team-keys", null)
        .apply();
    fleet.route("open", "open-chat").backend("pool", "m", 1).apply();
    // The Secret's informer starts when a route references it: wait until the key is known.
    await()
        .atMost(INFORMER_WAIT)
        .until(() -> ids(models("Bearer sk-team")).contains("private-chat"));

    assertThat(ids(models("Bearer sk-team"))).contains("private-chat", "open-chat");
    assertThat(ids(models(null))).contains("open-chat").doesNotContain("private-chat");
    assertThat(ids(models("Bearer sk-someone-else")))
        .contains("open-chat")
        .doesNotContain("private-chat");
  }

  @Test
  void readinessIsUpOnceTheInformerHasSynced() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(RouteCatalogReadiness.NAME));
  }

  private KubernetesClient client() {
    return server.getClient();
  }

  private ModelRoute create(ModelRoute route) {
    return client().resource(route).create();
  }

  private static long createdOf(ModelRoute stored) {
    return OffsetDateTime.parse(stored.getMetadata().getCreationTimestamp()).toEpochSecond();
  }

  private static JsonPath models(String authorization) {
    var request = given();
    if (authorization != null) {
      request = request.header("Authorization", authorization);
    }
    return request.when().get("/v1/models").then().statusCode(200).extract().jsonPath();
  }

  private static List<String> ids(JsonPath body) {
    return body.getList("data.id", String.class);
  }

  private static JsonPath models() {
    return given()
        .when()
        .get("/v1/models")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  private static JsonPath awaitModels(java.util.function.Predicate<List<String>> condition) {
    return await()
        .atMost(INFORMER_WAIT)
        .until(
            ModelsEndpointTest::models,
            body -> condition.test(body.getList("data.id", String.class)));
  }

  private static Map<String, Object> entry(JsonPath body, String id) {
    return body.getMap("data.find { it.id == '" + id + "' }");
  }
}
