package dev.modelfleet.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client, with its own pool of kept-alive backend connections, per event-loop thread. A
 * request and the backend connection it is forwarded on then live on the same thread: with one
 * shared pool a connection opened by another event loop answers there, and every callback crosses
 * threads through a task queue and a wake-up.
 */
final class BackendClients {
  private final Vertx vertx;
  private final HttpClientOptions options;
  private final Map<Thread, HttpClient> byThread = new ConcurrentHashMap<>();

  BackendClients(Vertx vertx, HttpClientOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  /** The calling event loop's client, created on first use (on that event loop). */
  HttpClient current() {
    return byThread.computeIfAbsent(
        Thread.currentThread(), thread -> vertx.createHttpClient(options));
  }

  /** Closes every client and its connections. */
  void close() {
    byThread.values().forEach(HttpClient::close);
    byThread.clear();
  }
}
