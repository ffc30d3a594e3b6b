package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
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
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which backend a request goes to, and what it receives: over real HTTP through the gateway. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class ProxyRoutingTest {
  /** Requests for the weight test: enough for a ±5 sigma band of about ±10% of the mean. */
  private static final int WEIGHT_SAMPLES = 2000;

  /** Standard deviations allowed: a correct router fails this about once in 1.7 million runs. */
  private static final double SIGMAS = 5;

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend a;
  private static FakeBackend b;
  private GatewayCalls gateway;

  @BeforeAll
  static void startBackends() {
    a = FakeBackend.start("a");
    b = FakeBackend.start("b");
  }

  @AfterAll
  static void stopBackends() {
    a.close();
    b.close();
  }

  @BeforeEach
  void setUp() {
    a.reset();
    b.reset();
    gateway = new GatewayCalls(base);
  }

  private Fleet fleet(String namespace) {
    return new Fleet(server.getClient(), namespace);
  }

  @Test
  void chatIsForwardedWithTheModelRewrittenToThePoolModel() {
    Fleet fleet = fleet("routing-rewrite");
    fleet.pool("pool", Map.of("llama-8b", a));
    fleet.route("chat", "rewrite-chat").backend("pool", "llama-8b", 1).apply();
    gateway.awaitChat("rewrite-chat", s -> s == 200);
    a.reset();

    HttpResponse<String> response =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("rewrite-chat"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject answer = new JsonObject(response.body());
    assertThat(answer.getString("id")).isEqualTo("chatcmpl-a");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonObject received = a.bodies().get(0);
    assertThat(received.getString("model")).isEqualTo("llama-8b");
    // Everything else in the body is passed on untouched.
    assertThat(received.getDouble("temperature")).isEqualTo(0.5);
    assertThat(received.getJsonArray("messages").getJsonObject(0).getString("content"))
        .isEqualTo("hi");
  }

  @Test
  void anAdapterIsAddressedByItsName() {
    Fleet fleet = fleet("routing-adapter");
    fleet.pool("pool", Map.of("llama-8b", a));
    fleet.route("sql", "sql-chat").backend("pool", "llama-8b", "sql-lora", 1).apply();
    gateway.awaitChat("sql-chat", s -> s == 200);

    assertThat(a.bodies())
        .allSatisfy(body -> assertThat(body.getString("model")).isEqualTo("sql-lora"));
  }

  @Test
  void completionsAndEmbeddingsReachTheirOwnPaths() {
    Fleet fleet = fleet("routing-paths");
    fleet.pool("pool", Map.of("m", a));
    fleet.route("r", "paths-model").backend("pool", "m", 1).apply();
    gateway.awaitChat("paths-model", s -> s == 200);

    HttpResponse<String> completion =
        gateway.post("/v1/completions", "{\"model\":\"paths-model\",\"prompt\":\"hi\"}");
    HttpResponse<String> embedding =
        gateway.post("/v1/embeddings", "{\"model\":\"paths-model\",\"input\":\"hi\"}");

    assertThat(completion.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(completion.body()).getString("object")).isEqualTo("text_completion");
    assertThat(embedding.statusCode()).isEqualTo(200);
    assertThat(
            new JsonObject(embedding.body())
                .getJsonArray("data")
                .getJsonObject(0)
                .getString("object"))
        .isEqualTo("embedding");
  }

  @Test
  void weightsHoldWithinFiveSigma() {
    Fleet fleet = fleet("routing-weights");
    fleet.pool("pool", Map.of("light", a, "heavy", b));
    fleet.route("r", "weighted").backend("pool", "light", 1).backend("pool", "heavy", 3).apply();
    gateway.awaitChat("weighted", s -> s == 200);
    await()
        .atMost(GatewayCalls.INFORMER_WAIT)
        .until(
            () -> {
              a.reset();
              b.reset();
              for (int i = 0; i < 20; i++) {
                gateway.post("/v1/chat/completions", GatewayCalls.chat("weighted"));
              }
              return a.requests() > 0 && b.requests() > 0;
            });
    a.reset();
    b.reset();

    for (int i = 0; i < WEIGHT_SAMPLES; i++) {
      assertThat(gateway.post("/v1/chat/completions", GatewayCalls.chat("weighted")).statusCode())
          .isEqualTo(200);
    }

    double p = 1.0 / 4;
    double mean = WEIGHT_SAMPLES * p;
    double sigma = Math.sqrt(WEIGHT_SAMPLES * p * (1 - p));
    assertThat(a.requests() + b.requests()).isEqualTo(WEIGHT_SAMPLES);
    assertThat((double) a.requests()).isBetween(mean - SIGMAS * sigma, mean + SIGMAS * sigma);
  }

  @Test
  void aZeroWeightBackendTakesNoTraffic() {
    Fleet fleet = fleet("routing-zero");
    fleet.pool("pool", Map.of("on", a, "off", b));
    fleet.route("r", "zero-weight").backend("pool", "on", 1).backend("pool", "off", 0).apply();
    gateway.awaitChat("zero-weight", s -> s == 200);

    for (int i = 0; i < 50; i++) {
      gateway.post("/v1/chat/completions", GatewayCalls.chat("zero-weight"));
    }

    assertThat(b.requests()).isZero();
  }

  @Test
  void aRouteChangeTakesEffectWithoutARestart() {
    Fleet fleet = fleet("routing-live");
    fleet.pool("pool", Map.of("first", a, "second", b));
    fleet.route("r", "live-chat").backend("pool", "first", 1).apply();
    gateway.awaitChat("live-chat", s -> s == 200);
    assertThat(a.requests()).isPositive();

    fleet.route("r", "live-chat").backend("pool", "second", 1).apply();

    await()
        .atMost(GatewayCalls.INFORMER_WAIT)
        .until(
            () -> {
              b.reset();
              gateway.post("/v1/chat/completions", GatewayCalls.chat("live-chat"));
              return b.requests() == 1;
            });
    a.reset();
    for (int i = 0; i < 20; i++) {
      gateway.post("/v1/chat/completions", GatewayCalls.chat("live-chat"));
    }
    assertThat(a.requests()).isZero();
  }

  @Test
  void aPoolModelWithoutReadyReplicasIsSkippedUntilItIsReady() {
    Fleet fleet = fleet("routing-ready");
    fleet.pool("pool", Map.of("m", a), 0, null);
    fleet.route("r", "ready-chat").backend("pool", "m", 1).apply();

    HttpResponse<String> unready = gateway.awaitChat("ready-chat", s -> s == 503);
    assertThat(new JsonObject(unready.body()).getJsonObject("error").getString("code"))
        .isEqualTo("no_healthy_backend");
    assertThat(a.requests()).isZero();

    fleet.pool("pool", Map.of("m", a), 1, null);

    gateway.awaitChat("ready-chat", s -> s == 200);
  }

  @Test
  void theRouteWithTheMostMatchingHeadersWins() {
    Fleet fleet = fleet("routing-headers");
    fleet.pool("pool", Map.of("red", a, "plain", b));
    fleet.route("red", "team-chat").backend("pool", "red", 1).header("X-Team", "red").apply();
    fleet.route("plain", "team-chat").backend("pool", "plain", 1).apply();
    gateway.awaitChat("team-chat", s -> s == 200, "x-team", "red");
    await()
        .atMost(GatewayCalls.INFORMER_WAIT)
        .until(
            () -> {
              a.reset();
              gateway.post("/v1/chat/completions", GatewayCalls.chat("team-chat"), "X-Team", "red");
              return a.requests() == 1;
            });
    b.reset();

    gateway.post("/v1/chat/completions", GatewayCalls.chat("team-chat"));
    gateway.post("/v1/chat/completions", GatewayCalls.chat("team-chat"), "X-Team", "blue");

    assertThat(b.requests()).isEqualTo(2);
  }

  @Test
  void anExternalEndpointGetsItsOwnKeyAndModelNeverTheCallers() {
    Fleet fleet = fleet("routing-external");
    fleet.secret("upstream", Map.of("api-key", "sk-upstream"));
    fleet.secret("callers", Map.of("key", "sk-caller"));
    fleet
        .route("r", "external-chat")
        .external(b.endpoint() + "/v1", "gpt-4o-mini", "upstream", false)
        .privacy(PrivacyTier.PUBLIC)
        .apiKeys("callers", "key")
        .apply();

    gateway.awaitChat("external-chat", s -> s == 200, "Authorization", "Bearer sk-caller");

    assertThat(b.authorizations()).isNotEmpty().allMatch("Bearer sk-upstream"::equals);
    assertThat(b.bodies())
        .allSatisfy(body -> assertThat(body.getString("model")).isEqualTo("gpt-4o-mini"));
  }

  @Test
  void aLocalOnlyRouteNeverUsesAnExternalEndpoint() {
    Fleet fleet = fleet("routing-local");
    fleet.pool("pool", Map.of("m", a));
    a.mode(FakeBackend.Mode.STATUS_500);
    // The CRD's CEL rule rejects this on a real cluster; the gateway holds the line regardless.
    fleet
        .route("r", "local-chat")
        .backend("pool", "m", 1)
        .externalFallback(b.endpoint() + "/v1", "gpt", true)
        .privacy(PrivacyTier.LOCAL_ONLY)
        .apply();

    HttpResponse<String> response = gateway.awaitChat("local-chat", s -> s == 500);

    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message"))
        .contains("(a)");
    assertThat(b.requests()).isZero();
  }

  @Test
  void anInternalRouteUsesOnlyExternalEndpointsMarkedInternal() {
    Fleet fleet = fleet("routing-internal");
    fleet.pool("pool", Map.of("m", a));
    a.mode(FakeBackend.Mode.STATUS_500);
    fleet
        .route("r", "internal-chat")
        .backend("pool", "m", 1)
        .retries(0)
        .externalFallback(b.endpoint() + "/third-party/v1", "gpt", false)
        .externalFallback(b.endpoint() + "/v1", "in-house", true)
        .privacy(PrivacyTier.INTERNAL)
        .apply();

    gateway.awaitChat("internal-chat", s -> s == 200);

    assertThat(b.bodies())
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body.getString("model")).isEqualTo("in-house"));
  }
}
