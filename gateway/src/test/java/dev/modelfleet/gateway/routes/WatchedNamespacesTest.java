package dev.modelfleet.gateway.routes;

import static dev.modelfleet.gateway.testing.TestRoutes.route;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.modelfleet.gateway.testing.ModelRouteCrd;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code modelfleet.gateway.namespaces} set, routes elsewhere are not served. */
@QuarkusTest
@TestProfile(WatchedNamespacesTest.TwoNamespaces.class)
@WithKubernetesTestServer(crud = true, setup = ModelRouteCrd.class)
class WatchedNamespacesTest {

  /** Watches team-a and team-b only. */
  public static class TwoNamespaces implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("modelfleet.gateway.namespaces", "team-b,team-a");
    }
  }

  @KubernetesTestServer KubernetesServer server;

  @Test
  void onlyRoutesInWatchedNamespacesAreListed() {
    server.getClient().resource(route("team-c", "other", "c-chat")).create();
    server.getClient().resource(route("team-a", "one", "a-chat")).create();
    server.getClient().resource(route("team-b", "two", "b-chat")).create();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        given()
                            .get("/v1/models")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("data.id", String.class))
                    .containsExactly("a-chat", "b-chat"));
  }

  @Test
  void readinessNamesTheWatchedNamespaces() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'modelroute-catalog' }.data.namespaces",
            equalTo("team-a,team-b"));
  }
}
