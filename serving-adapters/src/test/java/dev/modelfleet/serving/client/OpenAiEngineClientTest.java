package dev.modelfleet.serving.client;

import static dev.modelfleet.serving.client.FakeEngine.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OpenAiEngineClientTest {

  /** A vLLM 0.11 answer: the base model and a LoRA adapter whose parent is the base. */
  private static final String VLLM_MODELS =
      """
      {"object":"list","data":[
        {"id":"llama-8b","object":"model","created":1731400000,"owned_by":"vllm",
         "root":"meta-llama/Llama-3.1-8B-Instruct","parent":null,"max_model_len":8192,
         "permission":[{"id":"modelperm-1","object":"model_permission"}]},
        {"id":"sql","object":"model","created":1731400000,"owned_by":"vllm",
         "root":"org/llama-sql-lora","parent":"llama-8b","max_model_len":null,"permission":[]}
      ]}
      """;

  /** An SGLang answer: no parent field at all. */
  private static final String SGLANG_MODELS =
      """
      {"object":"list","data":[{"id":"qwen-7b","object":"model","created":1731400000,
       "owned_by":"sglang","root":"Qwen/Qwen2.5-7B-Instruct","max_model_len":32768}]}
      """;

  private static final EngineClientSettings SETTINGS =
      new EngineClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

  /** Gives up on an answer after 300 ms, for the test of a slow engine. */
  private static final EngineClientSettings IMPATIENT =
      new EngineClientSettings(
          Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(5));

  private FakeEngine engine;

  @BeforeEach
  void start() throws IOException {
    engine = new FakeEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private OpenAiEngineClient client() {
    return new OpenAiEngineClient(engine.uri(), SETTINGS);
  }

  @Test
  void listsVllmsModelsAndAdapters() {
    engine.on("/v1/models", json(200, VLLM_MODELS));

    List<EngineModel> models = client().models();

    assertThat(models)
        .containsExactly(
            new EngineModel("llama-8b", "meta-llama/Llama-3.1-8B-Instruct", null, 8192),
            new EngineModel("sql", "org/llama-sql-lora", "llama-8b", null));
    assertThat(models.get(1).adapter()).isTrue();
    assertThat(engine.received).extracting(FakeEngine.Received::method).containsExactly("GET");
  }

  @Test
  void listsSglangsModels() {
    engine.on("/v1/models", json(200, SGLANG_MODELS));

    assertThat(client().models())
        .containsExactly(new EngineModel("qwen-7b", "Qwen/Qwen2.5-7B-Instruct", null, 32768));
  }

  @Test
  void aTrailingSlashInTheBaseIsIgnored() {
    engine.on("/v1/models", json(200, SGLANG_MODELS));

    assertThat(new OpenAiEngineClient(URI.create(engine.uri() + "/"), SETTINGS).models())
        .hasSize(1);
  }

  @Test
  void healthPassesOn200AndFailsOtherwise() {
    engine.on("/health", json(200, ""));
    client().checkHealth();

    restart();
    engine.on("/health", json(503, ""));
    assertFails(client()::checkHealth, EngineErrorCode.SERVER_ERROR, "HTTP 503");
  }

  @Test
  void statusesMapToTheTaxonomy() {
    engine
        .on("/v1/models", json(404, "{\"detail\":\"Not Found\"}"))
        .on("/health", json(401, "{\"error\":\"Unauthorized\"}"));
    assertFails(client()::models, EngineErrorCode.NOT_FOUND, "HTTP 404");
    assertFails(client()::checkHealth, EngineErrorCode.UNAUTHORIZED, "'Unauthorized'");
  }

  @Test
  void aServerErrorQuotesTheEnginesMessage() {
    engine.on(
        "/v1/models",
        json(
            500,
            "{\"object\":\"error\",\"message\":\"EngineCore encountered an issue\","
                + "\"type\":\"InternalServerError\",\"code\":500}"));

    assertFails(client()::models, EngineErrorCode.SERVER_ERROR, "EngineCore encountered an issue");
  }

  @Test
  void anUnexpectedClientErrorIsABadResponse() {
    engine.on("/v1/models", json(400, "{\"error\":{\"message\":\"bad request\"}}"));

    assertFails(client()::models, EngineErrorCode.BAD_RESPONSE, "'bad request'");
  }

  @Test
  void malformedOrIncompleteJsonIsABadResponse() {
    engine.on("/v1/models", json(200, "{\"object\":\"list\",\"data\":["));
    assertFails(client()::models, EngineErrorCode.BAD_RESPONSE, "malformed JSON");
  }

  @Test
  void aListWithoutDataOrIdsIsABadResponse() {
    engine.on("/v1/models", json(200, "{\"object\":\"list\"}"));
    assertFails(client()::models, EngineErrorCode.BAD_RESPONSE, "no 'data' list");

    restart();
    engine.on("/v1/models", json(200, "{\"data\":[{\"object\":\"model\"}]}"));
    assertFails(client()::models, EngineErrorCode.BAD_RESPONSE, "without an 'id'");
  }

  @Test
  @Timeout(10)
  void aSlowAnswerTimesOut() {
    engine.on(
        "/v1/models",
        exchange -> {
          Thread.sleep(5_000);
          json(200, SGLANG_MODELS).answer(exchange);
        });

    OpenAiEngineClient impatient = new OpenAiEngineClient(engine.uri(), IMPATIENT);

    assertFails(impatient::models, EngineErrorCode.TIMEOUT, "timed out");
  }

  @Test
  void nothingListeningIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OpenAiEngineClient client =
        new OpenAiEngineClient(URI.create("http://127.0.0.1:" + port), SETTINGS);

    assertFails(client::models, EngineErrorCode.UNREACHABLE, "could not connect");
  }

  @Test
  void aRelativeBaseIsRejected() {
    assertThatThrownBy(() -> new OpenAiEngineClient(URI.create("/v1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUri: '/v1' is not an absolute http URI");
  }

  @Test
  void settingsMustBePositive() {
    assertThatThrownBy(
            () ->
                new EngineClientSettings(
                    Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageStartingWith("connectTimeout: PT0S must be a positive duration");
  }

  /** A fresh server, so a path can answer differently. */
  private void restart() {
    engine.close();
    try {
      engine = new FakeEngine();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static void assertFails(ThrowingCallable call, EngineErrorCode code, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(messagePart);
  }
}
