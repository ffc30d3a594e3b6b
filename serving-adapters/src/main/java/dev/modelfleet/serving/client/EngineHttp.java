package dev.modelfleet.serving.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP plumbing the engine clients share: sending, and turning every transport, status and
 * parse failure into an {@link EngineException}.
 */
final class EngineHttp {

  /** Characters of an error body quoted in a message: enough for an engine's error sentence. */
  static final int QUOTED_BODY_CHARS = 300;

  /** Bytes of an error body read from a stream; bounds memory when an error page is large. */
  static final int ERROR_BODY_BYTES = 8192;

  /** 2xx: the range of HTTP statuses that mean success (RFC 9110, section 15.3). */
  private static final int FIRST_SUCCESS = 200;

  private static final int FIRST_REDIRECT = 300;
  private static final int NOT_FOUND = 404;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int FIRST_SERVER_ERROR = 500;

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final URI base;
  private final EngineClientSettings settings;

  EngineHttp(URI base, EngineClientSettings settings) {
    if (base == null || base.getScheme() == null || base.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUri: '" + base + "' is not an absolute http URI such as http://name.ns.svc:8000");
    }
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  EngineClientSettings settings() {
    return settings;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.requestTimeout());
  }

  /** Sends and returns the body of a 2xx response; anything else becomes an EngineException. */
  String send(HttpRequest request) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    if (!successful(response.statusCode())) {
      throw statusError(request, response.statusCode(), response.body());
    }
    return response.body();
  }

  /** Sends and returns the streamed body of a 2xx response. */
  InputStream stream(HttpRequest request) {
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    if (!successful(response.statusCode())) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
      } catch (IOException e) {
        body = "";
      }
      throw statusError(request, response.statusCode(), body);
    }
    return response.body();
  }

  JsonNode parse(HttpRequest request, String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new EngineException(
            EngineErrorCode.BAD_RESPONSE, describe(request) + " returned an empty body");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new EngineException(
          EngineErrorCode.BAD_RESPONSE,
          describe(request) + " returned malformed JSON: " + quote(body),
          e);
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (HttpTimeoutException e) {
      throw new EngineException(
          EngineErrorCode.TIMEOUT, describe(request) + " timed out: " + e.getMessage(), e);
    } catch (ConnectException e) {
      throw new EngineException(
          EngineErrorCode.UNREACHABLE, describe(request) + " could not connect: " + e, e);
    } catch (IOException e) {
      throw new EngineException(
          EngineErrorCode.UNREACHABLE, describe(request) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(
          EngineErrorCode.UNREACHABLE, describe(request) + " was interrupted", e);
    }
  }

  private static boolean successful(int status) {
    return status >= FIRST_SUCCESS && status < FIRST_REDIRECT;
  }

  static EngineException statusError(HttpRequest request, int status, String body) {
    EngineErrorCode code;
    if (status == NOT_FOUND) {
      code = EngineErrorCode.NOT_FOUND;
    } else if (status == UNAUTHORIZED || status == FORBIDDEN) {
      code = EngineErrorCode.UNAUTHORIZED;
    } else if (status >= FIRST_SERVER_ERROR) {
      code = EngineErrorCode.SERVER_ERROR;
    } else {
      code = EngineErrorCode.BAD_RESPONSE;
    }
    return new EngineException(
        code, describe(request) + " returned HTTP " + status + ": " + quote(errorText(body)));
  }

  /** The "error" (Ollama) or "message" (vLLM, SGLang) of a JSON error body, else the body. */
  static String errorText(String body) {
    if (body == null) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null) {
        JsonNode error = node.path("error");
        if (error.isTextual()) {
          return error.asText();
        }
        if (error.path("message").isTextual()) {
          return error.path("message").asText();
        }
        if (node.path("message").isTextual()) {
          return node.path("message").asText();
        }
      }
    } catch (JsonProcessingException e) {
      // Not JSON: quote the body as it came.
    }
    return body;
  }

  static String describe(HttpRequest request) {
    return request.method() + " " + request.uri();
  }

  static String quote(String text) {
    String flat = text == null ? "" : text.strip();
    return flat.length() <= QUOTED_BODY_CHARS
        ? "'" + flat + "'"
        : "'" + flat.substring(0, QUOTED_BODY_CHARS) + "...'";
  }
}
