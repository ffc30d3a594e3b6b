package dev.modelfleet.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import dev.modelfleet.gateway.testing.GatewayTestProfile;
import dev.modelfleet.gateway.testing.PrometheusText;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pool model is healthy while its engine Service has ready addresses: the gateway follows the
 * Service's Endpoints live, ahead of the pool status, and does not try a backend without any.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class EndpointsReadinessTest {
  private static final Duration INFORMER_WAIT = Duration.ofSeconds(30);
  private static final String NAMESPACE = "endpoints";
  private static final String SERVICE = "pool-primary";
  private static final Map<String, String> ROUTE = Map.of("route", NAMESPACE + "/r");

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend backup;

  @BeforeAll
  static void startBackend() {
    backup = FakeBackend.start("backup");
  }

  @AfterAll
  static void stopBackend() {
    backup.close();
  }

  @Test
  void aServiceWithoutReadyAddressesIsSkippedUntilOneIsReady() {
    GatewayCalls gateway = new GatewayCalls(base);
    Fleet fleet = new Fleet(server.getClient(), NAMESPACE);
    // The pool status says both models are ready; the primary's Service is in-cluster DNS.
    fleet.poolServing(
        "pool",
        Map.of(
            "primary",
            "http://" + SERVICE + "." + NAMESPACE + ".svc:8000",
            "backup",
            backup.endpoint()),
        1,
        null);
    fleet
        .route("r", "endpoints-chat")
        .backend("pool", "primary", 1)
        .retries(0)
        .fallback("pool", "backup")
        .apply();
    // Without Endpoints for the Service, the pool's readyReplicas decide: both are healthy.
    awaitHealthy(gateway, 2);

    server.getClient().resource(endpoints(false)).create();
    awaitHealthy(gateway, 1);

    assertThat(
            gateway.post("/v1/chat/completions", GatewayCalls.chat("endpoints-chat")).statusCode())
        .isEqualTo(200);
    assertThat(backup.requests()).isEqualTo(1);
    String metrics = gateway.metrics();
    assertThat(PrometheusText.sum(metrics, "modelfleet_gateway_fallbacks_total", ROUTE)).isZero();
    assertThat(PrometheusText.sum(metrics, "modelfleet_gateway_upstream_errors_total", ROUTE))
        .isZero();

    server.getClient().resource(endpoints(true)).update();
    awaitHealthy(gateway, 2);
  }

  private static Endpoints endpoints(boolean ready) {
    EndpointsBuilder builder =
        new EndpointsBuilder()
            .withNewMetadata()
            .withNamespace(NAMESPACE)
            .withName(SERVICE)
            .addToLabels("app.kubernetes.io/managed-by", "modelfleet-operator")
            .endMetadata();
    return ready
        ? builder
            .addNewSubset()
            .addNewAddress()
            .withIp("10.0.0.7")
            .endAddress()
            .addNewPort()
            .withPort(8000)
            .endPort()
            .endSubset()
            .build()
        : builder
            .addNewSubset()
            .addNewNotReadyAddress()
            .withIp("10.0.0.7")
            .endNotReadyAddress()
            .addNewPort()
            .withPort(8000)
            .endPort()
            .endSubset()
            .build();
  }

  private static void awaitHealthy(GatewayCalls gateway, int count) {
    await()
        .atMost(INFORMER_WAIT)
        .until(
            () ->
                PrometheusText.sum(gateway.metrics(), "modelfleet_gateway_healthy_backends", ROUTE)
                    == count);
  }
}
