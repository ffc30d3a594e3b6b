package dev.modelfleet.registry.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads model facts from the Hugging Face Hub's public REST API, or a mirror of it. Only GETs:
 * nothing is ever uploaded. Every failure is a {@link HubException} with a stable code; no
 * transport or parser exception escapes.
 */
public final class HubClient {
  /** The public Hub. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");

  /**
   * Per-request limit. The Hub's metadata answers take well under a second; ten seconds tolerates a
   * slow mirror without holding a reconcile for long.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The branch the Hub resolves when no revision is given. */
  public static final String DEFAULT_REVISION = "main";

  // Hub repo ids: an owner and a name of letters, digits, '-', '_' and '.'.
  private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.-]+");
  // Longest Hub error message kept in our own message.
  private static final int MAX_ERROR_CHARS = 200;
  private static final int NOT_MODIFIED = 304;

  private final URI endpoint;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * A client.
   *
   * @param endpoint the Hub or a mirror, e.g. https://huggingface.co; no trailing path needed
   * @param token a Hub access token sent as a bearer token; null or blank for none
   * @param timeout per-request limit, connect included
   */
  public HubClient(URI endpoint, String token, Duration timeout) {
    String base = endpoint.toString();
    this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.token = token == null || token.isBlank() ? null : token.trim();
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The endpoint requests go to. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * {@code GET /api/models/{repo}[/revision/{revision}]?blobs=true}: the model's metadata with file
   * sizes.
   *
   * @param etag the ETag of a cached answer, sent as If-None-Match; null for none
   */
  public HubResponse<HubModelInfo> modelInfo(String repo, String revision, String etag)
      throws HubException {
    checkRepo(repo);
    String path = "/api/models/" + repo;
    if (revision != null && !revision.isBlank() && !revision.equals(DEFAULT_REVISION)) {
      path += "/revision/" + encode(revision);
    }
    URI uri = URI.create(endpoint + path + "?blobs=true");
    HttpResponse<String> response = get(uri, etag);
    if (response.statusCode() == NOT_MODIFIED) {
      return new HubResponse<>(null, etagOf(response).orElse(etag));
    }
    return new HubResponse<>(
        HubModelInfo.parse(response.body(), uri.toString()), etagOf(response).orElse(null));
  }

  /**
   * {@code GET /{repo}/resolve/{revision}/config.json}: the model's config.json text, checked to be
   * a JSON object.
   */
  public HubResponse<String> configJson(String repo, String revision, String etag)
      throws HubException {
    checkRepo(repo);
    String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision;
    URI uri = URI.create(endpoint + "/" + repo + "/resolve/" + encode(rev) + "/config.json");
    HttpResponse<String> response = get(uri, etag);
    if (response.statusCode() == NOT_MODIFIED) {
      return new HubResponse<>(null, etagOf(response).orElse(etag));
    }
    String body = response.body();
    if (!JsonShape.isObject(body)) {
      throw new HubException(HubErrorCode.PARSE, uri + " is not a JSON object");
    }
    return new HubResponse<>(body, etagOf(response).orElse(null));
  }

  private HttpResponse<String> get(URI uri, String etag) throws HubException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", "modelfleet-registry");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (etag != null && !etag.isBlank()) {
      request.header("If-None-Match", etag);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new HubException(HubErrorCode.NETWORK, uri + ": connect timed out after " + timeout);
    } catch (HttpTimeoutException e) {
      throw new HubException(HubErrorCode.NETWORK, uri + ": no answer within " + timeout);
    } catch (ConnectException e) {
      throw new HubException(HubErrorCode.NETWORK, uri + ": connection refused or unreachable");
    } catch (IOException e) {
      throw new HubException(HubErrorCode.NETWORK, uri + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubException(HubErrorCode.NETWORK, uri + ": interrupted");
    } catch (RuntimeException e) {
      // HttpClient throws IllegalArgumentException for URIs it cannot send (bad endpoint).
      throw new HubException(HubErrorCode.NETWORK, uri + ": cannot be requested: " + e);
    }
    int status = response.statusCode();
    if (status == 200 || status == NOT_MODIFIED) {
      return response;
    }
    throw failure(uri, response);
  }

  private static HubException failure(URI uri, HttpResponse<String> response) {
    int status = response.statusCode();
    String errorCode = response.headers().firstValue("X-Error-Code").orElse("");
    String detail = hubMessage(response.body());
    String said = uri + " answered " + status + (detail.isEmpty() ? "" : ": " + detail);
    if (status == 404 || (status == 401 && errorCode.equals("RepoNotFound"))) {
      return new HubException(
          HubErrorCode.NOT_FOUND,
          said + (status == 401 ? " (no such repository, or private and not visible to you)" : ""));
    }
    if (status == 401 || status == 403) {
      return new HubException(
          HubErrorCode.UNAUTHORIZED_OR_GATED,
          said + " (gated or private: accept the terms on the model page and give a token)");
    }
    if (status == 429 || status >= 500) {
      return new HubException(HubErrorCode.UNAVAILABLE, said);
    }
    return new HubException(HubErrorCode.UNAVAILABLE, said + " (unexpected status)");
  }

  /** The Hub's {@code {"error": "..."}} message, shortened to one line. */
  private static String hubMessage(String body) {
    String message = JsonShape.errorField(body);
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() > MAX_ERROR_CHARS ? line.substring(0, MAX_ERROR_CHARS) + "..." : line;
  }

  private static Optional<String> etagOf(HttpResponse<String> response) {
    return response.headers().firstValue("ETag");
  }

  private static void checkRepo(String repo) throws HubException {
    if (repo == null
        || !REPO_ID.matcher(repo).matches()
        || repo.endsWith("/.")
        || repo.endsWith("/..")) {
      throw new HubException(
          HubErrorCode.NOT_FOUND, "'" + repo + "' is not a Hub repository id such as org/name");
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
