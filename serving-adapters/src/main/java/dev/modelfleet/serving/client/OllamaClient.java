package dev.modelfleet.serving.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Client for Ollama's model store: {@code GET /api/tags}, {@code POST /api/pull} (progress streamed
 * as NDJSON) and {@code DELETE /api/delete}. Every failure is an {@link EngineException}.
 */
public final class OllamaClient {

  /** Watches pulls for silence; one daemon thread shared by every client. */
  private static final ScheduledExecutorService IDLE_WATCH =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "ollama-pull-idle-watch");
            thread.setDaemon(true);
            return thread;
          });

  private final EngineHttp http;

  /** A client for the Ollama server at {@code baseUri}, e.g. http://pool-model.ns.svc:8000. */
  public OllamaClient(URI baseUri, EngineClientSettings settings) {
    this.http = new EngineHttp(baseUri, settings);
  }

  /** A client with {@link EngineClientSettings#defaults()}. */
  public OllamaClient(URI baseUri) {
    this(baseUri, EngineClientSettings.defaults());
  }

  /** The models in the server's store. */
  public List<OllamaModel> tags() {
    HttpRequest request = http.request("/api/tags").GET().build();
    JsonNode root = http.parse(request, http.send(request));
    JsonNode models = root.path("models");
    if (!models.isArray()) {
      throw new EngineException(
          EngineErrorCode.BAD_RESPONSE,
          EngineHttp.describe(request)
              + " returned no 'models' list: "
              + EngineHttp.quote(root.toString()));
    }
    List<OllamaModel> result = new ArrayList<>();
    for (JsonNode model : models) {
      JsonNode name = model.path("name");
      if (!name.isTextual() || name.asText().isEmpty()) {
        throw new EngineException(
            EngineErrorCode.BAD_RESPONSE,
            EngineHttp.describe(request)
                + " listed a model without a 'name': "
                + EngineHttp.quote(model.toString()));
      }
      result.add(
          new OllamaModel(
              name.asText(),
              model.path("size").asLong(0),
              model.path("digest").isTextual() ? model.path("digest").asText() : null));
    }
    return result;
  }

  /**
   * Pulls {@code tag} into the store, handing each progress line to {@code listener}; returns once
   * Ollama reports success. A pull silent for longer than the idle timeout fails with TIMEOUT.
   */
  public void pull(String tag, PullListener listener) {
    requireTag(tag);
    HttpRequest request =
        http.request("/api/pull")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(modelBody(tag).put("stream", true).toString()))
            .build();
    InputStream body = http.stream(request);
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watch = watchIdle(body, timedOut);
    boolean succeeded = false;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        watch.cancel(false);
        if (!line.isBlank()) {
          PullProgress progress = progress(request, line, tag);
          listener.onProgress(progress);
          succeeded = PullProgress.SUCCESS.equals(progress.status());
        }
        watch = watchIdle(body, timedOut);
      }
    } catch (IOException e) {
      if (timedOut.get()) {
        throw idleTimeout(request);
      }
      throw new EngineException(
          EngineErrorCode.UNREACHABLE,
          EngineHttp.describe(request) + " broke off while pulling " + tag + ": " + e,
          e);
    } finally {
      watch.cancel(false);
    }
    if (timedOut.get()) {
      throw idleTimeout(request);
    }
    if (!succeeded) {
      throw new EngineException(
          EngineErrorCode.BAD_RESPONSE,
          EngineHttp.describe(request) + " ended before reporting success for " + tag);
    }
  }

  /** Removes {@code tag} from the store; NOT_FOUND when the store does not hold it. */
  public void delete(String tag) {
    requireTag(tag);
    HttpRequest request =
        http.request("/api/delete")
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(modelBody(tag).toString()))
            .build();
    http.send(request);
  }

  private static ObjectNode modelBody(String tag) {
    return EngineHttp.JSON.createObjectNode().put("model", tag);
  }

  private static void requireTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("tag: name the Ollama model, e.g. llama3.2:3b");
    }
  }

  private ScheduledFuture<?> watchIdle(InputStream body, AtomicBoolean timedOut) {
    long millis = http.settings().pullIdleTimeout().toMillis();
    return IDLE_WATCH.schedule(
        () -> {
          timedOut.set(true);
          try {
            body.close();
          } catch (IOException e) {
            // Closing is how the reader is woken; a failure to close leaves nothing to clean.
          }
        },
        millis,
        TimeUnit.MILLISECONDS);
  }

  private EngineException idleTimeout(HttpRequest request) {
    return new EngineException(
        EngineErrorCode.TIMEOUT,
        EngineHttp.describe(request)
            + " sent no progress for "
            + http.settings().pullIdleTimeout().toSeconds()
            + " s");
  }

  private PullProgress progress(HttpRequest request, String line, String tag) {
    JsonNode node = http.parse(request, line);
    JsonNode error = node.path("error");
    if (error.isTextual()) {
      throw pullError(request, tag, error.asText());
    }
    JsonNode status = node.path("status");
    if (!status.isTextual()) {
      throw new EngineException(
          EngineErrorCode.BAD_RESPONSE,
          EngineHttp.describe(request)
              + " sent a progress line without 'status': "
              + EngineHttp.quote(line));
    }
    return new PullProgress(
        status.asText(),
        node.path("digest").isTextual() ? node.path("digest").asText() : null,
        node.path("completed").asLong(0),
        node.path("total").asLong(0));
  }

  /** Ollama reports a failed pull inside the stream, after a 200, as {"error": "..."}. */
  static EngineException pullError(HttpRequest request, String tag, String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    EngineErrorCode code;
    if (lower.contains("file does not exist") || lower.contains("not found")) {
      code = EngineErrorCode.NOT_FOUND;
    } else if (lower.contains("unauthorized") || lower.contains("forbidden")) {
      code = EngineErrorCode.UNAUTHORIZED;
    } else {
      code = EngineErrorCode.SERVER_ERROR;
    }
    return new EngineException(
        code,
        EngineHttp.describe(request) + " failed to pull " + tag + ": " + EngineHttp.quote(message));
  }
}
