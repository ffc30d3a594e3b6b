package dev.modelfleet.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plain HTTP calls to the gateway under test. */
public final class GatewayCalls {
  /** How long a change in the mock API server may take to reach the gateway's informers. */
  public static final Duration INFORMER_WAIT = Duration.ofSeconds(15);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;

  public GatewayCalls(URI base) {
    this.base = base;
  }

  /** A chat completion request body for {@code model}. */
  public static String chat(String model) {
    return "{\"model\":\""
        + model
        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.5}";
  }

  /** A streamed chat completion request body for {@code model}, asking for usage at the end. */
  public static String streamedChat(String model) {
    return "{\"model\":\""
        + model
        + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  }

  /** POSTs {@code body} to {@code path}; headers are name, value pairs. */
  public HttpResponse<String> post(String path, String body, String... headers) {
    return send(
        request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request builder for {@code path} with the given headers. */
  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return HTTP.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until a chat request for {@code model} gets a status the predicate accepts. */
  public HttpResponse<String> awaitChat(
      String model, Predicate<Integer> status, String... headers) {
    return await()
        .atMost(INFORMER_WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> post("/v1/chat/completions", chat(model), headers),
            r -> status.test(r.statusCode()));
  }

  /** The gateway's Prometheus text. */
  public String metrics() {
    return send(
            HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
