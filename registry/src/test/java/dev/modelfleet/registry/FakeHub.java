package dev.modelfleet.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local server that answers as the Hugging Face Hub's API does: model info at {@code
 * /api/models/{repo}[/revision/{rev}]}, files at {@code /{repo}/resolve/{rev}/config.json}, weak
 * ETags and 304 on If-None-Match, 401 with {@code X-Error-Code: RepoNotFound} for an unknown repo
 * without a token (404 with one), 401/403 with {@code X-Error-Code: GatedRepo} for files of a gated
 * repo, and {@code {"error": "..."}} bodies.
 */
public final class FakeHub implements AutoCloseable {
  /** The token the fake accepts for gated repositories. */
  public static final String GOOD_TOKEN = "hf_test_good";

  /** One request as the server saw it. */
  public record Seen(String path, String query, String authorization, String ifNoneMatch) {}

  private record Repo(String info, String config, boolean gated) {}

  private final HttpServer server;
  private final Map<String, Repo> repos = new ConcurrentHashMap<>();
  private final Map<String, Integer> failing = new ConcurrentHashMap<>();
  private final Map<String, String> raw = new ConcurrentHashMap<>();
  private final Map<String, Duration> slow = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private FakeHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A started server on a free loopback port. */
  public static FakeHub start() {
    try {
      return new FakeHub();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, e.g. http://127.0.0.1:41234. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves a repository: its model-info JSON and config.json (null for none). */
  public FakeHub model(String repo, String infoJson, String configJson, boolean gated) {
    repos.put(repo, new Repo(infoJson, configJson, gated));
    return this;
  }

  /** Answers every request about the repository with this status and a Hub-style error body. */
  public FakeHub failing(String repo, int status) {
    failing.put(repo, status);
    return this;
  }

  /** Answers model info for the repository with this body, status 200. */
  public FakeHub raw(String repo, String body) {
    raw.put(repo, body);
    return this;
  }

  /** Waits this long before answering about the repository. */
  public FakeHub slow(String repo, Duration delay) {
    slow.put(repo, delay);
    return this;
  }

  /** Every request so far. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** Reads a test resource as text. */
  public static String resource(String name) {
    try (InputStream in = FakeHub.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      seen.add(new Seen(path, exchange.getRequestURI().getRawQuery(), auth, ifNoneMatch));
      boolean api = path.startsWith("/api/models/");
      String rest = api ? path.substring("/api/models/".length()) : path.substring(1);
      String repo = repoOf(rest, api);
      Duration delay = slow.get(repo);
      if (delay != null) {
        sleep(delay);
      }
      if (failing.containsKey(repo)) {
        send(
            exchange,
            failing.get(repo),
            error("Internal Error - We're working hard to fix this"),
            null,
            null);
        return;
      }
      if (api && raw.containsKey(repo)) {
        send(exchange, 200, raw.get(repo), null, null);
        return;
      }
      Repo known = repos.get(repo);
      if (known == null) {
        boolean hasToken = auth != null;
        send(exchange, hasToken ? 404 : 401, error("Repository not found"), null, "RepoNotFound");
        return;
      }
      if (api) {
        reply(exchange, known.info(), ifNoneMatch);
        return;
      }
      if (!rest.endsWith("/config.json") || known.config() == null) {
        send(exchange, 404, error("Entry not found"), null, "EntryNotFound");
        return;
      }
      if (known.gated() && !("Bearer " + GOOD_TOKEN).equals(auth)) {
        String message =
            "Access to model "
                + repo
                + " is restricted. You must have access to it and be"
                + " authenticated to access it. Please log in.";
        send(exchange, auth == null ? 401 : 403, error(message), null, "GatedRepo");
        return;
      }
      reply(exchange, known.config(), ifNoneMatch);
    }
  }

  private static void reply(HttpExchange exchange, String body, String ifNoneMatch)
      throws IOException {
    String etag = "W/\"" + Integer.toHexString(body.hashCode()) + "\"";
    if (etag.equals(ifNoneMatch)) {
      exchange.getResponseHeaders().set("ETag", etag);
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    send(exchange, 200, body, etag, null);
  }

  private static void send(
      HttpExchange exchange, int status, String body, String etag, String errorCode)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (etag != null) {
      exchange.getResponseHeaders().set("ETag", etag);
    }
    if (errorCode != null) {
      exchange.getResponseHeaders().set("X-Error-Code", errorCode);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String repoOf(String rest, boolean api) {
    String[] parts = rest.split("/");
    return parts.length >= 2 ? parts[0] + "/" + parts[1] : rest;
  }

  private static String error(String message) {
    return "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}";
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
