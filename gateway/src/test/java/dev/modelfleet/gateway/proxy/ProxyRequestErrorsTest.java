package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.gateway.config.GatewaySettings;
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
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the gateway refuses, in OpenAI's error format: 400, 401, 403, 404, 413. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class ProxyRequestErrorsTest {
  private static final long MAX_BODY = Long.parseLong(GatewaySettings.DEFAULT_MAX_BODY_BYTES);

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend engine;
  private GatewayCalls gateway;

  @BeforeAll
  static void startBackend() {
    engine = FakeBackend.start("engine");
  }

  @AfterAll
  static void stopBackend() {
    engine.close();
  }

  @BeforeEach
  void setUp() {
    engine.reset();
    gateway = new GatewayCalls(base);
  }

  private static JsonObject error(HttpResponse<String> response) {
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return error;
  }

  @Test
  void malformedJsonIs400() {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", "{\"model\": \"x\",");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).getString("type")).isEqualTo("invalid_request_error");
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", "[1,2]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).getString("message")).contains("JSON object");
  }

  @Test
  void aMissingModelIs400NamingTheField() {
    HttpResponse<String> response = gateway.post("/v1/chat/completions", "{\"messages\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = error(response);
    assertThat(error.getString("param")).isEqualTo("model");
    assertThat(error.getString("message")).contains("model");
  }

  @Test
  void anUnknownModelIs404() {
    HttpResponse<String> response =
        gateway.post("/v1/embeddings", "{\"model\":\"no-such-model\",\"input\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonObject error = error(response);
    assertThat(error.getString("code")).isEqualTo("model_not_found");
    assertThat(error.getString("message")).contains("no-such-model");
  }

  @Test
  void aBodyOverTheLimitIs413WithOrWithoutContentLength() {
    byte[] big = new byte[(int) MAX_BODY + 1];
    Arrays.fill(big, (byte) ' ');
    byte[] prefix = "{\"model\":\"x\",\"pad\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, big, 0, prefix.length);

    HttpResponse<String> declared =
        gateway.send(
            gateway
                .request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // No Content-Length: the body arrives chunked and is counted as it comes.
    HttpResponse<String> chunked =
        gateway.send(
            gateway
                .request("/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    for (HttpResponse<String> response : new HttpResponse[] {declared, chunked}) {
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(error(response).getString("message"))
          .contains("modelfleet.gateway.max-body-bytes");
    }
  }

  @Test
  void apiKeysGate401And403AndTheCallersKeyStaysAtTheGateway() {
    Fleet fleet = new Fleet(server.getClient(), "keys");
    fleet.pool("pool", Map.of("m", engine));
    fleet.secret("team-a-keys", Map.of("alice", "sk-alice", "other", "sk-unlisted"));
    fleet.secret("team-b-keys", Map.of("bob", "sk-bob"));
    fleet.route("a", "keyed-a").backend("pool", "m", 1).apiKeys("team-a-keys", "alice").apply();
    fleet.route("b", "keyed-b").backend("pool", "m", 1).apiKeys("team-b-keys", null).apply();
    gateway.awaitChat("keyed-a", s -> s == 200, "Authorization", "Bearer sk-alice");
    gateway.awaitChat("keyed-b", s -> s == 200, "Authorization", "Bearer sk-bob");
    engine.reset();

    HttpResponse<String> missing =
        gateway.post("/v1/chat/completions", GatewayCalls.chat("keyed-a"));
    HttpResponse<String> unknown =
        gateway.post(
            "/v1/chat/completions",
            GatewayCalls.chat("keyed-a"),
            "Authorization",
            "Bearer sk-nobody");
    // A value in the Secret under a key the route does not name is not a key of the route.
    HttpResponse<String> unlisted =
        gateway.post(
            "/v1/chat/completions",
            GatewayCalls.chat("keyed-a"),
            "Authorization",
            "Bearer sk-unlisted");
    HttpResponse<String> otherRoute =
        gateway.post(
            "/v1/chat/completions", GatewayCalls.chat("keyed-a"), "Authorization", "Bearer sk-bob");
    HttpResponse<String> allowed =
        gateway.post(
            "/v1/chat/completions",
            GatewayCalls.chat("keyed-a"),
            "Authorization",
            "Bearer sk-alice");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(error(missing).getString("code")).isEqualTo("invalid_api_key");
    assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unlisted.statusCode()).isEqualTo(401);
    assertThat(otherRoute.statusCode()).isEqualTo(403);
    assertThat(error(otherRoute).getString("code")).isEqualTo("model_not_allowed");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(engine.requests()).isEqualTo(1);
    assertThat(engine.authorizations()).containsExactly((String) null);
  }

  @Test
  void aKeyAddedToTheSecretWorksWithoutARestart() {
    Fleet fleet = new Fleet(server.getClient(), "keys-live");
    fleet.pool("pool", Map.of("m", engine));
    fleet.secret("keys", Map.of("k1", "sk-first"));
    fleet.route("r", "rotating").backend("pool", "m", 1).apiKeys("keys", null).apply();
    gateway.awaitChat("rotating", s -> s == 200, "Authorization", "Bearer sk-first");
    assertThat(
            gateway
                .post(
                    "/v1/chat/completions",
                    GatewayCalls.chat("rotating"),
                    "Authorization",
                    "Bearer sk-second")
                .statusCode())
        .isEqualTo(401);

    fleet.secret("keys", Map.of("k1", "sk-first", "k2", "sk-second"));

    gateway.awaitChat("rotating", s -> s == 200, "Authorization", "Bearer sk-second");
  }
}
