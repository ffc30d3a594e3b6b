package dev.modelfleet.operator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health and metrics endpoints of the running operator, against a real API server. */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class OperatorEndpointsTest {
  private final KubernetesClient admin = AdminClient.create();

  @Test
  void livenessAndReadinessAreUpOnceInformersHaveSynced() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(containsString("hardware-detection"));
  }

  @Test
  void metricsShowReconcilesAndFleetCapacity() {
    admin
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("metrics-cpu-0")
                .addToLabels("kubernetes.io/os", "linux")
                .endMetadata()
                .build())
        .create();

    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .when()
                      .get("/q/metrics")
                      .then()
                      .statusCode(200)
                      .body(
                          containsString(
                              "modelfleet_hardware_nodes{profile=\"cpu-only\",source=\"detected\"}"))
                      .body(containsString("operator_sdk_reconciliations_success_total")));
    } finally {
      admin.nodes().withName("metrics-cpu-0").delete();
    }
  }
}
