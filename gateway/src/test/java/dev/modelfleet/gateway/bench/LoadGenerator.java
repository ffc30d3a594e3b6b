package dev.modelfleet.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP load generator: {@code concurrency} callers, each sending its next request
 * when the previous answer has fully arrived, over kept-alive connections.
 */
final class LoadGenerator {
  /** Latencies and throughput of one measured run. */
  record Result(long requests, long errors, double seconds, long[] sortedNanos) {
    double throughput() {
      return requests / seconds;
    }

    double percentileMillis(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
      return sortedNanos[Math.max(0, index)] / 1e6;
    }
  }

  private final Vertx vertx;

  LoadGenerator(Vertx vertx) {
    this.vertx = vertx;
  }

  Result run(int port, String path, Buffer body, int concurrency, Duration warmup, Duration measure)
      throws InterruptedException {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(concurrency)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port));
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    LatencyLog log = new LatencyLog();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(concurrency);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setURI(path)
            .putHeader("content-type", "application/json");
    for (int i = 0; i < concurrency; i++) {
      vertx.runOnContext(v -> next(client, options, body, measureFrom, end, log, errors, done));
    }
    done.await(warmup.plus(measure).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
    client.close();
    long[] sorted = log.toArray();
    Arrays.sort(sorted);
    return new Result(sorted.length, errors.get(), measure.toNanos() / 1e9, sorted);
  }

  private void next(
      HttpClient client,
      RequestOptions options,
      Buffer body,
      long measureFrom,
      long end,
      LatencyLog log,
      AtomicInteger errors,
      CountDownLatch done) {
    long sent = System.nanoTime();
    if (sent >= end) {
      done.countDown();
      return;
    }
    client
        .request(options)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(
            ar -> {
              long received = System.nanoTime();
              if (ar.failed() || ar.result() != 200) {
                errors.incrementAndGet();
              } else if (sent >= measureFrom && received <= end) {
                log.add(received - sent);
              }
              next(client, options, body, measureFrom, end, log, errors, done);
            });
  }

  /** A growable log of latencies in nanoseconds, safe across event-loop threads. */
  private static final class LatencyLog {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    synchronized long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
