package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.FakeBackend.Mode;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import dev.modelfleet.gateway.testing.GatewayTestProfile;
import dev.modelfleet.gateway.testing.PrometheusText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fallback on each failure kind, its bounds, and no retry once an answer has started. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class ProxyFallbackTest {
  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend a;
  private static FakeBackend b;
  private static FakeBackend c;
  private GatewayCalls gateway;

  @BeforeAll
  static void startBackends() {
    a = FakeBackend.start("a");
    b = FakeBackend.start("b");
    c = FakeBackend.start("c");
  }

  @AfterAll
  static void stopBackends() {
    a.close();
    b.close();
    c.close();
  }

  @BeforeEach
  void setUp() {
    a.reset();
    b.reset();
    c.reset();
    gateway = new GatewayCalls(base);
  }

  /** A route whose only primary is a (retries 0), with b as its fallback; ready to serve. */
  private void primaryAWithFallbackB(String namespace, String model, int timeoutSeconds) {
    Fleet fleet = new Fleet(server.getClient(), namespace);
    fleet.pool("pool", Map.of("primary", a, "backup", b));
    fleet
        .route("r", model)
        .backend("pool", "primary", 1)
        .retries(0)
        .timeoutSeconds(timeoutSeconds)
        .fallback("pool", "backup")
        .apply();
    gateway.awaitChat(model, s -> s == 200);
    a.reset();
    b.reset();
  }

  private double fallbacks(String route, String cause) {
    return PrometheusText.sum(
        gateway.metrics(),
        "modelfleet_gateway_fallbacks_total",
        Map.of(
            "route",
            route,
            "from_backend",
            "pool/primary",
            "to_backend",
            "pool/backup",
            "cause",
            cause));
  }

  private void fallsBackOn(Mode mode, String cause, String namespace, int timeoutSeconds) {
    String model = namespace + "-chat";
    primaryAWithFallbackB(namespace, model, timeoutSeconds);
    String route = namespace + "/r";
    double before = fallbacks(route, cause);
    a.mode(mode);

    HttpResponse<String> response = gateway.post("/v1/chat/completions", GatewayCalls.chat(model));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("id")).isEqualTo("chatcmpl-b");
    assertThat(a.requests()).isEqualTo(1);
    assertThat(b.requests()).isEqualTo(1);
    assertThat(fallbacks(route, cause)).isEqualTo(before + 1);
    assertThat(
            PrometheusText.sum(
                gateway.metrics(),
                "modelfleet_gateway_upstream_errors_total",
                Map.of("route", route, "backend", "pool/primary", "kind", cause)))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void a500FallsBack() {
    fallsBackOn(Mode.STATUS_500, "status_5xx", "fallback-500", 60);
  }

  @Test
  void a429FallsBack() {
    fallsBackOn(Mode.STATUS_429, "status_429", "fallback-429", 60);
  }

  @Test
  void noAnswerWithinTheTimeoutFallsBack() {
    long start = System.nanoTime();
    fallsBackOn(Mode.HANG, "timeout", "fallback-hang", 1);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRefusedConnectionFallsBack() throws IOException {
    Fleet fleet = new Fleet(server.getClient(), "fallback-refused");
    FakeBackend refused = FakeBackend.start("refused");
    String endpointOfNothing = "http://127.0.0.1:" + FakeBackend.refusedPort();
    refused.close();
    fleet.pool("pool", Map.of("backup", b));
    // A pool whose status names an endpoint nothing listens on.
    var pool =
        server
            .getClient()
            .resources(dev.modelfleet.crds.v1alpha1.pool.ModelPool.class)
            .inNamespace("fallback-refused")
            .withName("pool")
            .get();
    var dead = new dev.modelfleet.crds.v1alpha1.pool.ModelStatus();
    dead.setName("primary");
    dead.setEndpoint(endpointOfNothing);
    dead.setReadyReplicas(1);
    pool.getStatus().getModels().add(dead);
    server.getClient().resource(pool).updateStatus();
    fleet
        .route("r", "refused-chat")
        .backend("pool", "primary", 1)
        .retries(0)
        .fallback("pool", "backup")
        .apply();
    gateway.awaitChat("refused-chat", s -> s == 200);
    double before = fallbacks("fallback-refused/r", "connect");

    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("refused-chat"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("id")).isEqualTo("chatcmpl-b");
    assertThat(fallbacks("fallback-refused/r", "connect")).isEqualTo(before + 1);
  }

  @Test
  void retriesGoToOtherPrimariesThenToFallbacksInOrder() {
    Fleet fleet = new Fleet(server.getClient(), "fallback-order");
    fleet.pool("pool", Map.of("one", a, "two", b, "backup", c));
    fleet
        .route("r", "order-chat")
        .backend("pool", "one", 1)
        .backend("pool", "two", 1)
        .retries(1)
        .fallback("pool", "backup")
        .apply();
    gateway.awaitChat("order-chat", s -> s == 200);
    a.reset().mode(Mode.STATUS_500);
    b.reset().mode(Mode.STATUS_500);
    c.reset();

    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("order-chat"));

    assertThat(new JsonObject(response.body()).getString("id")).isEqualTo("chatcmpl-c");
    assertThat(List.of(a.requests(), b.requests(), c.requests())).containsExactly(1, 1, 1);
  }

  @Test
  void retriesAreBoundedByTheRoute() {
    Fleet fleet = new Fleet(server.getClient(), "fallback-bound");
    fleet.pool("pool", Map.of("one", a, "two", b, "backup", c));
    fleet
        .route("r", "bound-chat")
        .backend("pool", "one", 1)
        .backend("pool", "two", 1)
        .retries(0)
        .fallback("pool", "backup")
        .apply();
    gateway.awaitChat("bound-chat", s -> s == 200);
    a.reset().mode(Mode.STATUS_500);
    b.reset().mode(Mode.STATUS_500);
    c.reset();

    gateway.post("/v1/chat/completions", GatewayCalls.chat("bound-chat"));

    // retries 0: one primary only, then the fallback.
    assertThat(a.requests() + b.requests()).isEqualTo(1);
    assertThat(c.requests()).isEqualTo(1);
  }

  @Test
  void whenEveryBackendFailsTheLastAnswerOrAnErrorIsReturned() {
    primaryAWithFallbackB("fallback-all", "all-chat", 1);
    a.mode(Mode.STATUS_500);
    b.mode(Mode.STATUS_429);

    HttpResponse<String> relayed =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("all-chat"));

    // The last backend's own answer is passed on.
    assertThat(relayed.statusCode()).isEqualTo(429);
    assertThat(new JsonObject(relayed.body()).getJsonObject("error").getString("message"))
        .contains("(b)");

    a.mode(Mode.HANG);
    b.mode(Mode.HANG);
    HttpResponse<String> timedOut =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("all-chat"));
    assertThat(timedOut.statusCode()).isEqualTo(504);
    assertThat(new JsonObject(timedOut.body()).getJsonObject("error").getString("code"))
        .isEqualTo("upstream_timeout");
  }

  @Test
  void nothingIsRetriedOnceTheFirstStreamedByteWasSent() {
    primaryAWithFallbackB("fallback-stream", "stream-chat", 60);
    a.mode(Mode.BREAK_AFTER_FIRST_CHUNK).streaming(3, 100);

    List<String> received = new ArrayList<>();
    HttpResponse<Stream<String>> response =
        gateway.send(
            gateway
                .request("/v1/chat/completions")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        GatewayCalls.streamedChat("stream-chat")))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(
            () -> {
              try (Stream<String> lines = response.body()) {
                lines.filter(l -> !l.isBlank()).forEach(received::add);
              }
              // A stream cut short either fails the read or ends without [DONE].
              if (!received.contains("data: [DONE]")) {
                throw new UncheckedIOException(new IOException("stream ended early"));
              }
            })
        .isInstanceOf(UncheckedIOException.class);

    assertThat(received).hasSize(1).allMatch(l -> l.contains("tok0"));
    assertThat(a.requests()).isEqualTo(1);
    assertThat(b.requests()).isZero();
  }
}
