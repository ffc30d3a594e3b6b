package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An OpenAI-compatible chat completions server with known timing: a streamed answer's first token
 * comes {@code ttftMillis} after the request, each further token {@code itlMillis} after the one
 * before, and the last chunk reports usage as vLLM does. Unstreamed answers come from a function of
 * the prompt.
 */
final class SimulatedEngine implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 64;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
  private final long ttftMillis;
  private final long itlMillis;
  private final UnaryOperator<String> answers;
  final AtomicInteger requests = new AtomicInteger();
  volatile String lastAuthorization;

  SimulatedEngine(long ttftMillis, long itlMillis, UnaryOperator<String> answers)
      throws IOException {
    this.ttftMillis = ttftMillis;
    this.itlMillis = itlMillis;
    this.answers = answers;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String prompt = body.path("messages").path(0).path("content").asText();
    try {
      if (body.path("stream").asBoolean()) {
        stream(exchange, body.path("max_tokens").asInt());
      } else {
        String answer =
            JSON.createObjectNode()
                .set(
                    "choices",
                    JSON.createArrayNode()
                        .add(
                            JSON.createObjectNode()
                                .set(
                                    "message",
                                    JSON.createObjectNode()
                                        .put("role", "assistant")
                                        .put("content", answers.apply(prompt)))))
                .toString();
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void stream(HttpExchange exchange, int tokens) throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    Thread.sleep(ttftMillis);
    for (int i = 0; i < tokens; i++) {
      if (i > 0) {
        Thread.sleep(itlMillis);
      }
      send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok" + i + "\"}}]}");
    }
    send(
        out,
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + tokens + "}}");
    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void send(OutputStream out, String json) throws IOException {
    out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
