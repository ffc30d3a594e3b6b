package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Calls an OpenAI-compatible chat completions endpoint (vLLM, SGLang, Ollama, the ModelFleet
 * gateway) with java.net.http, streaming when timing matters.
 */
final class OpenAiClient {
  /** Longest a single request may take, to the last byte: long generations at high load. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  /** Time to open a connection; a Service that does not answer in this is not serving. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final String SSE_DATA = "data:";
  private static final String SSE_DONE = "[DONE]";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI chatCompletions;
  private final String model;
  private final Optional<String> apiKey;

  OpenAiClient(String baseUrl, String model, Optional<String> apiKey) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.chatCompletions = URI.create(base + "/v1/chat/completions");
    this.model = model;
    this.apiKey = apiKey;
  }

  /**
   * Streams one completion and times it: when it was sent, when the first and last content arrived,
   * and how many tokens came (the server's usage count when it sends one, else the content chunks).
   * {@code ignore_eos} asks vLLM and SGLang to generate exactly {@code maxTokens}; other servers
   * may stop earlier, and the count says what really came.
   */
  StreamTiming stream(String prompt, int maxTokens) {
    ObjectNode body = request(prompt, maxTokens);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    body.put("ignore_eos", true);
    long sent = System.nanoTime();
    try {
      HttpResponse<Stream<String>> response =
          http.send(post(body), HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() / 100 != 2) {
          return StreamTiming.failed(sent, "HTTP " + response.statusCode());
        }
        return readStream(sent, lines.iterator());
      }
    } catch (IOException e) {
      return StreamTiming.failed(sent, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StreamTiming.failed(sent, "interrupted");
    }
  }

  private static StreamTiming readStream(long sent, Iterator<String> lines) throws IOException {
    long first = 0;
    long last = 0;
    int chunks = 0;
    Integer usageTokens = null;
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.startsWith(SSE_DATA)) {
        continue;
      }
      String data = line.substring(SSE_DATA.length()).trim();
      if (data.equals(SSE_DONE)) {
        break;
      }
      long now = System.nanoTime();
      JsonNode chunk = JSON.readTree(data);
      if (chunk.has("error")) {
        return StreamTiming.failed(sent, "error in stream: " + chunk.get("error"));
      }
      JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
      if (content.isTextual() && !content.asText().isEmpty()) {
        if (chunks == 0) {
          first = now;
        }
        last = now;
        chunks++;
      }
      JsonNode completionTokens = chunk.path("usage").path("completion_tokens");
      if (completionTokens.isInt()) {
        usageTokens = completionTokens.asInt();
      }
    }
    long done = System.nanoTime();
    if (chunks == 0) {
      return StreamTiming.failed(sent, "the stream carried no content");
    }
    int tokens = usageTokens != null ? usageTokens : chunks;
    return new StreamTiming(true, sent, first, last, done, tokens, null);
  }

  /** One non-streamed completion at temperature 0: the answer's text. */
  String complete(String prompt, int maxTokens) throws IOException, InterruptedException {
    ObjectNode body = request(prompt, maxTokens);
    body.put("temperature", 0);
    HttpResponse<String> response = http.send(post(body), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "HTTP "
              + response.statusCode()
              + " from "
              + chatCompletions
              + ": "
              + abbreviate(response.body()));
    }
    JsonNode content =
        JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new IOException(
          "no choices[0].message.content in the answer: " + abbreviate(response.body()));
    }
    return content.asText();
  }

  private ObjectNode request(String prompt, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    body.put("max_tokens", maxTokens);
    return body;
  }

  private HttpRequest post(ObjectNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(chatCompletions)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
    return request.build();
  }

  private static String abbreviate(String text) {
    int max = 200;
    return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
