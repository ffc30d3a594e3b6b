package dev.modelfleet.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated OpenAI-compatible engine on loopback: answers chat, completion and embedding requests
 * after a fixed latency, streams chunks with fixed gaps, and fails on demand.
 */
public final class FakeBackend implements AutoCloseable {
  /** What the backend does with the next requests. */
  public enum Mode {
    /** Answer normally. */
    OK,
    /** Answer 500 with an OpenAI-style error. */
    STATUS_500,
    /** Answer 429. */
    STATUS_429,
    /** Read the request and never answer. */
    HANG,
    /** Stream the first chunk, then drop the connection. */
    BREAK_AFTER_FIRST_CHUNK
  }

  /** Prompt tokens every answer reports. */
  public static final int PROMPT_TOKENS = 7;

  /** Completion tokens every answer reports. */
  public static final int COMPLETION_TOKENS = 5;

  private final String name;
  private final Vertx vertx;
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.OK;
  private volatile long latencyMillis;
  private volatile long chunkGapMillis = 1;
  private volatile int chunks = 3;
  private volatile boolean recording = true;

  private FakeBackend(String name, Vertx vertx, HttpServer server) {
    this.name = name;
    this.vertx = vertx;
    this.server = server;
  }

  /** Starts a backend named {@code name} (it signs its answers with the name). */
  public static FakeBackend start(String name) {
    Vertx vertx = Vertx.vertx();
    FakeBackend[] self = new FakeBackend[1];
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> self[0].handle(req))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    self[0] = new FakeBackend(name, vertx, server);
    return self[0];
  }

  /** A loopback port nothing listens on: connecting to it is refused. */
  public static int refusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Base URL as a ModelPool's status reports it (no /v1). */
  public String endpoint() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public String name() {
    return name;
  }

  public FakeBackend mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  public FakeBackend latencyMillis(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Streams {@code count} content chunks, {@code gapMillis} apart. */
  public FakeBackend streaming(int count, long gapMillis) {
    this.chunks = count;
    this.chunkGapMillis = gapMillis;
    return this;
  }

  /** Stops keeping request bodies and headers (for long benchmark runs). */
  public FakeBackend withoutRecording() {
    this.recording = false;
    return this;
  }

  /** Requests received, whatever was answered. */
  public int requests() {
    return requests.get();
  }

  /** Bodies received, in order. */
  public List<JsonObject> bodies() {
    return bodies;
  }

  /** Authorization headers received (null when absent), in order. */
  public List<String> authorizations() {
    return authorizations;
  }

  /** Forgets what was received and goes back to answering normally at once. */
  public FakeBackend reset() {
    requests.set(0);
    bodies.clear();
    authorizations.clear();
    mode = Mode.OK;
    latencyMillis = 0;
    chunks = 3;
    chunkGapMillis = 1;
    return this;
  }

  private void handle(HttpServerRequest req) {
    req.body()
        .onSuccess(
            raw -> {
              requests.incrementAndGet();
              JsonObject body = raw.length() == 0 ? new JsonObject() : raw.toJsonObject();
              if (recording) {
                bodies.add(body);
                authorizations.add(req.getHeader("authorization"));
              }
              Mode now = mode;
              switch (now) {
                case HANG -> {}
                case STATUS_500 -> error(req, 500, "server_error", "the engine crashed");
                case STATUS_429 -> error(req, 429, "rate_limit_error", "too many requests");
                default -> {
                  if (latencyMillis == 0) {
                    answer(req, body, now);
                  } else {
                    vertx.setTimer(latencyMillis, id -> answer(req, body, now));
                  }
                }
              }
            });
  }

  private void error(HttpServerRequest req, int status, String type, String message) {
    JsonObject error =
        new JsonObject()
            .put(
                "error",
                new JsonObject()
                    .put("message", message + " (" + name + ")")
                    .put("type", type)
                    .putNull("param")
                    .putNull("code"));
    req.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(error.encode());
  }

  private void answer(HttpServerRequest req, JsonObject body, Mode mode) {
    String model = body.getString("model");
    if (req.path().endsWith("/embeddings")) {
      json(req, embeddings(model));
    } else if (body.getBoolean("stream", false)) {
      boolean usage =
          body.getJsonObject("stream_options", new JsonObject()).getBoolean("include_usage", false);
      req.response().setChunked(true).putHeader("content-type", "text/event-stream");
      sendChunk(req, model, 0, usage, mode);
    } else if (req.path().endsWith("/chat/completions")) {
      json(req, chatCompletion(model));
    } else {
      json(req, completion(model));
    }
  }

  private void sendChunk(HttpServerRequest req, String model, int i, boolean usage, Mode mode) {
    if (req.response().closed()) {
      return;
    }
    if (i < chunks) {
      req.response().write(event(chunk(model, "tok" + i + " ", i == chunks - 1 ? "stop" : null)));
      if (mode == Mode.BREAK_AFTER_FIRST_CHUNK) {
        vertx.setTimer(chunkGapMillis, id -> req.connection().close());
        return;
      }
      vertx.setTimer(chunkGapMillis, id -> sendChunk(req, model, i + 1, usage, mode));
      return;
    }
    if (usage) {
      req.response()
          .write(
              event(
                  new JsonObject()
                      .put("id", "chatcmpl-" + name)
                      .put("object", "chat.completion.chunk")
                      .put("created", created())
                      .put("model", model)
                      .put("choices", new JsonArray())
                      .put("usage", usage())));
    }
    req.response().end("data: [DONE]\n\n");
  }

  private static Buffer event(JsonObject data) {
    return Buffer.buffer("data: " + data.encode() + "\n\n");
  }

  private JsonObject chunk(String model, String content, String finish) {
    return new JsonObject()
        .put("id", "chatcmpl-" + name)
        .put("object", "chat.completion.chunk")
        .put("created", created())
        .put("model", model)
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put(
                            "delta",
                            new JsonObject().put("role", "assistant").put("content", content))
                        .put("finish_reason", finish)));
  }

  private JsonObject chatCompletion(String model) {
    return new JsonObject()
        .put("id", "chatcmpl-" + name)
        .put("object", "chat.completion")
        .put("created", created())
        .put("model", model)
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put(
                            "message",
                            new JsonObject()
                                .put("role", "assistant")
                                .put("content", "hello from " + name))
                        .put("finish_reason", "stop")))
        .put("usage", usage());
  }

  private JsonObject completion(String model) {
    return new JsonObject()
        .put("id", "cmpl-" + name)
        .put("object", "text_completion")
        .put("created", created())
        .put("model", model)
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put("text", "hello from " + name)
                        .putNull("logprobs")
                        .put("finish_reason", "stop")))
        .put("usage", usage());
  }

  private JsonObject embeddings(String model) {
    return new JsonObject()
        .put("object", "list")
        .put(
            "data",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("object", "embedding")
                        .put("index", 0)
                        .put("embedding", new JsonArray().add(0.25).add(-0.5))))
        .put("model", model)
        .put(
            "usage",
            new JsonObject()
                .put("prompt_tokens", PROMPT_TOKENS)
                .put("total_tokens", PROMPT_TOKENS));
  }

  private static JsonObject usage() {
    return new JsonObject()
        .put("prompt_tokens", PROMPT_TOKENS)
        .put("completion_tokens", COMPLETION_TOKENS)
        .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
  }

  private static long created() {
    return TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
  }

  private static void json(HttpServerRequest req, JsonObject body) {
    req.response().putHeader("content-type", "application/json").end(body.encode());
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
