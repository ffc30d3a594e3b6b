package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import dev.modelfleet.gateway.testing.GatewayTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-sent events pass through the gateway chunk by chunk, as the backend sends them. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class ProxyStreamingTest {
  /** The backend's pause between chunks. */
  private static final long GAP_MILLIS = 200;

  /**
   * The least gap that must survive the trip: a proxy that buffered two chunks together would show
   * a gap near zero; 50 ms below the sent gap leaves room for scheduling jitter.
   */
  private static final long MIN_GAP_MILLIS = 150;

  private static final int CHUNKS = 5;

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend engine;

  @BeforeAll
  static void startBackend() {
    engine = FakeBackend.start("engine");
  }

  @AfterAll
  static void stopBackend() {
    engine.close();
  }

  @Test
  void chunksArriveWithTheGapsTheyWereSentWith() {
    GatewayCalls gateway = new GatewayCalls(base);
    Fleet fleet = new Fleet(server.getClient(), "streaming");
    fleet.pool("pool", Map.of("m", engine));
    fleet.route("r", "stream-gaps").backend("pool", "m", 1).apply();
    gateway.awaitChat("stream-gaps", s -> s == 200);
    // One stream first, so class loading and JIT in this JVM do not delay the measured chunks.
    engine.reset().streaming(CHUNKS, 1);
    stream(gateway, new ArrayList<>(), new ArrayList<>());
    engine.reset().streaming(CHUNKS, GAP_MILLIS);

    List<String> lines = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    long start = System.nanoTime();
    HttpResponse<Stream<String>> response = stream(gateway, lines, arrivals);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    // 5 content chunks, the usage chunk, [DONE].
    assertThat(lines).hasSize(CHUNKS + 2);
    assertThat(lines.get(0)).contains("tok0");
    assertThat(lines.get(CHUNKS)).contains("\"usage\"");
    assertThat(lines.get(CHUNKS + 1)).isEqualTo("data: [DONE]");
    for (int i = 1; i < CHUNKS; i++) {
      long gap = Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)).toMillis();
      assertThat(gap).as("gap before chunk %d", i).isGreaterThanOrEqualTo(MIN_GAP_MILLIS);
    }
    // The first chunk came long before the last was sent.
    assertThat(Duration.ofNanos(arrivals.get(0) - start).toMillis())
        .isLessThan((CHUNKS - 1) * GAP_MILLIS);
    assertThat(engine.bodies().get(0).getBoolean("stream")).isTrue();
  }

  private static HttpResponse<Stream<String>> stream(
      GatewayCalls gateway, List<String> lines, List<Long> arrivals) {
    HttpResponse<Stream<String>> response =
        gateway.send(
            gateway
                .request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(GatewayCalls.streamedChat("stream-gaps")))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> body = response.body()) {
      body.filter(l -> l.startsWith("data:"))
          .forEach(
              line -> {
                arrivals.add(System.nanoTime());
                lines.add(line);
              });
    }
    return response;
  }
}
