package dev.modelfleet.serving.client;

import static dev.modelfleet.serving.client.FakeEngine.json;
import static dev.modelfleet.serving.client.FakeEngine.ndjson;
import static dev.modelfleet.serving.client.OpenAiEngineClientTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OllamaClientTest {

  /** Ollama 0.12's answer to GET /api/tags. */
  private static final String TAGS =
      """
      {"models":[{"name":"llama3.2:3b","model":"llama3.2:3b",
        "modified_at":"2025-10-20T10:00:00.000000000Z","size":2019393189,
        "digest":"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
        "details":{"format":"gguf","family":"llama","parameter_size":"3.2B",
                   "quantization_level":"Q4_K_M"}}]}
      """;

  /** A pull as Ollama streams it: manifest, one layer in two steps, verification, success. */
  private static final String[] PULL =
      new String[] {
        "{\"status\":\"pulling manifest\"}",
        "{\"status\":\"pulling dde5aa3fc5ff\",\"digest\":\"sha256:dde5aa3fc5ff\","
            + "\"total\":2019377376,\"completed\":1009688688}",
        "{\"status\":\"pulling dde5aa3fc5ff\",\"digest\":\"sha256:dde5aa3fc5ff\","
            + "\"total\":2019377376,\"completed\":2019377376}",
        "{\"status\":\"verifying sha256 digest\"}",
        "{\"status\":\"writing manifest\"}",
        "{\"status\":\"success\"}"
      };

  private static final EngineClientSettings FAST =
      new EngineClientSettings(
          Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(300));

  private FakeEngine engine;

  @BeforeEach
  void start() throws IOException {
    engine = new FakeEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private OllamaClient client() {
    return new OllamaClient(engine.uri(), FAST);
  }

  @Test
  void listsTheStoredModels() {
    engine.on("/api/tags", json(200, TAGS));

    assertThat(client().tags())
        .containsExactly(
            new OllamaModel(
                "llama3.2:3b",
                2019393189L,
                "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72"));
  }

  @Test
  void tagsWithoutAModelListOrNamesAreBadResponses() {
    engine.on("/api/tags", json(200, "{\"tags\":[]}"));
    assertFails(client()::tags, EngineErrorCode.BAD_RESPONSE, "no 'models' list");
  }

  @Test
  void aPullDeliversEveryProgressLineInOrder() {
    engine.on("/api/pull", ndjson(PULL));
    List<PullProgress> seen = new ArrayList<>();

    client().pull("llama3.2:3b", seen::add);

    assertThat(seen)
        .extracting(PullProgress::status)
        .containsExactly(
            "pulling manifest",
            "pulling dde5aa3fc5ff",
            "pulling dde5aa3fc5ff",
            "verifying sha256 digest",
            "writing manifest",
            "success");
    assertThat(seen.get(1).digest()).isEqualTo("sha256:dde5aa3fc5ff");
    assertThat(seen.get(1).completedBytes()).isEqualTo(1009688688L);
    assertThat(seen.get(1).totalBytes()).isEqualTo(2019377376L);
    assertThat(seen.get(1).fraction().getAsDouble()).isEqualTo(0.5);
    assertThat(seen.get(0).fraction()).isEmpty();
    FakeEngine.Received request = engine.received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body()).isEqualTo("{\"model\":\"llama3.2:3b\",\"stream\":true}");
  }

  @Test
  void anUnknownModelReportedInTheStreamIsNotFound() {
    engine.on(
        "/api/pull",
        ndjson(
            "{\"status\":\"pulling manifest\"}",
            "{\"error\":\"pull model manifest: file does not exist\"}"));
    List<PullProgress> seen = new ArrayList<>();

    assertFails(
        () -> client().pull("no-such-model:1b", seen::add),
        EngineErrorCode.NOT_FOUND,
        "file does not exist");
    assertThat(seen).extracting(PullProgress::status).containsExactly("pulling manifest");
  }

  @Test
  void anotherErrorInTheStreamIsAServerError() {
    engine.on("/api/pull", ndjson("{\"error\":\"write /models/blobs: no space left on device\"}"));

    assertFails(
        () -> client().pull("llama3.2:3b", p -> {}), EngineErrorCode.SERVER_ERROR, "no space left");
  }

  @Test
  void anHttpErrorBeforeTheStreamIsMapped() {
    engine.on("/api/pull", json(500, "{\"error\":\"registry unavailable\"}"));

    assertFails(
        () -> client().pull("llama3.2:3b", p -> {}),
        EngineErrorCode.SERVER_ERROR,
        "'registry unavailable'");
  }

  @Test
  void aStreamThatEndsWithoutSuccessIsABadResponse() {
    engine.on("/api/pull", ndjson(PULL[0], PULL[1]));

    assertFails(
        () -> client().pull("llama3.2:3b", p -> {}),
        EngineErrorCode.BAD_RESPONSE,
        "ended before reporting success");
  }

  @Test
  void aMalformedLineIsABadResponse() {
    engine.on("/api/pull", ndjson(PULL[0], "{\"status\":\"pulling"));

    assertFails(
        () -> client().pull("llama3.2:3b", p -> {}),
        EngineErrorCode.BAD_RESPONSE,
        "malformed JSON");
  }

  @Test
  @Timeout(10)
  void aStalledPullTimesOut() {
    engine.on(
        "/api/pull",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write((PULL[0] + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(5_000);
        });
    List<PullProgress> seen = new ArrayList<>();

    assertFails(
        () -> client().pull("llama3.2:3b", seen::add), EngineErrorCode.TIMEOUT, "no progress");
    assertThat(seen).hasSize(1);
  }

  @Test
  void deleteSendsTheModelInTheBody() {
    engine.on("/api/delete", json(200, ""));

    client().delete("llama3.2:3b");

    FakeEngine.Received request = engine.received.get(0);
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.body()).isEqualTo("{\"model\":\"llama3.2:3b\"}");
  }

  @Test
  void deletingAMissingModelIsNotFound() {
    engine.on("/api/delete", json(404, "{\"error\":\"model 'gone:1b' not found\"}"));

    assertFails(() -> client().delete("gone:1b"), EngineErrorCode.NOT_FOUND, "not found");
  }

  @Test
  void aBlankTagIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> client().pull(" ", p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tag: name the Ollama model");
    assertThat(engine.received).isEmpty();
  }
}
