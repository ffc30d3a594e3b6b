package dev.modelfleet.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client, with its own pool of kept-alive backend connections, per event-loop thread. A
 * request and the backend connection it is forwarded on then live on the same thread: with one
 * shared pool a connection opened by another event loop answers there, and every callback crosses
 * threads through a task queue and a wake-up. Calls from other threads share one client.
 */
final class BackendClients {
  private final Vertx vertx;
  private final HttpClientOptions options;
  private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
  private final HttpClient shared;
  private volatile boolean closed;

  BackendClients(Vertx vertx, HttpClientOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.shared = vertx.createHttpClient(options);
  }

  /** The calling event loop's client, created on first use; the shared one off the event loops. */
  HttpClient current() {
    if (closed || !Context.isOnEventLoopThread()) {
      return shared;
    }
    // Event-loop threads live as long as Vert.x, so the map stays as small as their number.
    return byEventLoop.computeIfAbsent(
        Thread.currentThread(), thread -> vertx.createHttpClient(options));
  }

  /** Closes every client and its connections; later calls get the closed shared client. */
  void close() {
    closed = true;
    byEventLoop.values().forEach(HttpClient::close);
    byEventLoop.clear();
    shared.close();
  }
}
