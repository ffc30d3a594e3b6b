package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendClientsTest {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final BackendClients clients = new BackendClients(vertx, new HttpClientOptions());

  @AfterEach
  void close() {
    clients.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private HttpClient onLoopOf(Context context) throws Exception {
    CompletableFuture<HttpClient> client = new CompletableFuture<>();
    context.runOnContext(v -> client.complete(clients.current()));
    return client.get(10, TimeUnit.SECONDS);
  }

  private static Thread threadOf(Context context) throws Exception {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return thread.get(10, TimeUnit.SECONDS);
  }

  /** Verticles are spread over the event loops in turn: one of a few lands on the other loop. */
  private Context contextOnAnotherThreadThan(Context first) throws Exception {
    Thread taken = threadOf(first);
    for (int i = 0; i < 8; i++) {
      CompletableFuture<Context> deployed = new CompletableFuture<>();
      vertx.deployVerticle(
          new AbstractVerticle() {
            @Override
            public void start() {
              deployed.complete(context);
            }
          });
      Context context = deployed.get(10, TimeUnit.SECONDS);
      if (threadOf(context) != taken) {
        return context;
      }
    }
    throw new AssertionError("no second event loop");
  }

  @Test
  void eachEventLoopKeepsItsOwnClientAndOtherThreadsShareOne() throws Exception {
    Context first = vertx.getOrCreateContext();
    Context second = contextOnAnotherThreadThan(first);

    HttpClient a = onLoopOf(first);
    HttpClient b = onLoopOf(second);

    assertThat(onLoopOf(first)).isSameAs(a);
    assertThat(b).isNotSameAs(a);
    HttpClient offLoop = clients.current();
    assertThat(offLoop).isNotSameAs(a).isNotSameAs(b).isSameAs(clients.current());
  }

  @Test
  void afterCloseEveryCallerGetsTheSharedClient() throws Exception {
    Context loop = vertx.getOrCreateContext();
    HttpClient before = onLoopOf(loop);
    clients.close();

    assertThat(onLoopOf(loop)).isNotSameAs(before).isSameAs(clients.current());
  }
}
