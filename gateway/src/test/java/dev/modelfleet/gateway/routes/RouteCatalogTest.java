package dev.modelfleet.gateway.routes;

import static dev.modelfleet.gateway.testing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.gateway.testing.ModelRouteCrd;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The catalog started before its API server is reachable: unready, retrying, then ready. */
class RouteCatalogTest {

  @Test
  void staysUnreadyUntilTheFirstListSucceedsThenSyncs() throws IOException {
    int port = freePort();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + port)
            .withWatchReconnectInterval(100)
            .withRequestRetryBackoffLimit(0)
            .build();
    KubernetesServer server = null;
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      RouteCatalog catalog = new RouteCatalog(client, Optional.empty());
      RouteCatalogReadiness readiness = new RouteCatalogReadiness(catalog);
      try {
        catalog.start();
        // Nothing listens yet: the first list fails, and the catalog must not give up.
        await()
            .during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(2))
            .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.DOWN);

        server =
            new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), port, List.of());
        server.before();
        ModelRouteCrd.create(server.getClient());
        server.getClient().resource(route("team-a", "late", "late-chat")).create();

        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> readiness.call().getStatus() == HealthCheckResponse.Status.UP);
        // The first list may run before the route exists; the watch then brings it.
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(catalog.routes())
                        .extracting(r -> r.getSpec().getModel())
                        .containsExactly("late-chat"));
      } finally {
        catalog.stop();
      }
      assertThat(catalog.hasSynced()).isFalse();
    } finally {
      if (server != null) {
        server.after();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
