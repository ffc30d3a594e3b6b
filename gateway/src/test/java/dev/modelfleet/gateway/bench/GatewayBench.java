package dev.modelfleet.gateway.bench;

import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures, in one run on loopback, a simulated engine answered directly, through nginx, and
 * through the gateway (the packaged jar, reading its route from an in-process mock API server).
 * Prints added latency and throughput as differences and ratios against the same run's baselines.
 *
 * <p>Arguments: {@code <gateway quarkus-run.jar> [<nginx binary>]}.
 */
public final class GatewayBench {
  /** Callers for the latency figures: one, so queueing does not hide the proxy's own cost. */
  static final int LATENCY_CONCURRENCY = 1;

  /** Callers for the throughput figures: enough to keep every core of a small machine busy. */
  static final int THROUGHPUT_CONCURRENCY = 64;

  /** Warm-up before each measurement: JIT compilation and connection pools settle. */
  static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));

  /** Length of each latency measurement. */
  static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));

  /**
   * Throughput is measured in rounds that take every path in turn, the order rotating each round,
   * so a change in the shared machine's load falls on all paths alike; each ratio is taken within
   * one round and the median reported.
   */
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  /** Length of each path's throughput measurement within a round. */
  static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.roundSeconds", 4));

  /** Opening a round's 64 connections and letting them settle, not measured. */
  static final Duration ROUND_WARMUP = Duration.ofSeconds(1);

  private static final String MODEL = "bench-chat";
  private static final Buffer BODY =
      Buffer.buffer(
          "{\"model\":\""
              + MODEL
              + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},"
              + "{\"role\":\"user\",\"content\":\"Say hello in five words.\"}],"
              + "\"max_tokens\":16,\"temperature\":0}");

  // Held so the level set on it is not lost to garbage collection.
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private GatewayBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: GatewayBench <quarkus-run.jar> [<nginx binary>]");
      System.exit(2);
    }
    // The mock API server logs every request.
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path gatewayJar = Path.of(args[0]);
    Optional<Path> nginx = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
    List<AutoCloseable> cleanup = new ArrayList<>();
    try {
      FakeBackend backend = FakeBackend.start("bench").withoutRecording();
      cleanup.add(backend);
      int backendPort = URI.create(backend.endpoint()).getPort();

      int apiPort = FakeBackend.refusedPort();
      KubernetesServer api =
          new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), apiPort, List.of());
      api.before();
      cleanup.add(api::after);
      GatewayCrds.create(api.getClient());
      Fleet fleet = new Fleet(api.getClient(), "bench");
      fleet.pool("pool", Map.of("llama", backend));
      fleet.route("chat", MODEL).backend("pool", "llama", 1).apply();

      int gatewayPort = FakeBackend.refusedPort();
      Process gateway = startGateway(gatewayJar, apiPort, gatewayPort);
      cleanup.add(gateway::destroy);
      waitForHttp(gatewayPort);
      new GatewayCalls(URI.create("http://127.0.0.1:" + gatewayPort + "/"))
          .awaitChat(MODEL, s -> s == 200);

      Optional<Integer> nginxPort = Optional.empty();
      if (nginx.isPresent()) {
        int port = FakeBackend.refusedPort();
        Process proxy = startNginx(nginx.get(), port, backendPort);
        cleanup.add(proxy::destroy);
        waitForHttp(port);
        nginxPort = Optional.of(port);
      }

      Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
      cleanup.add(() -> vertx.close().toCompletionStage().toCompletableFuture().join());
      LoadGenerator load = new LoadGenerator(vertx);
      String path = "/v1/chat/completions";

      System.out.printf(
          Locale.ROOT,
          "Loopback, %d CPUs, %s; warm-up %ds, latency %ds per path, throughput %d rounds of %ds"
              + " per path%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
          WARMUP.toSeconds(),
          MEASURE.toSeconds(),
          ROUNDS,
          ROUND.toSeconds());
      List<Target> targets = new ArrayList<>();
      targets.add(new Target("direct", backendPort));
      nginxPort.ifPresent(port -> targets.add(new Target("nginx", port)));
      targets.add(new Target("gateway", gatewayPort));
      Map<String, LoadGenerator.Result> latency = new LinkedHashMap<>();
      for (Target target : targets) {
        latency.put(
            target.name(),
            load.run(target.port(), path, BODY, LATENCY_CONCURRENCY, WARMUP, MEASURE));
        load.run(target.port(), path, BODY, THROUGHPUT_CONCURRENCY, WARMUP, ROUND_WARMUP);
      }
      List<Map<String, Double>> rounds = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        Map<String, Double> throughput = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
          Target target = targets.get((round + i) % targets.size());
          throughput.put(
              target.name(),
              load.run(target.port(), path, BODY, THROUGHPUT_CONCURRENCY, ROUND_WARMUP, ROUND)
                  .throughput());
        }
        rounds.add(throughput);
      }
      report(latency, rounds);
    } finally {
      for (int i = cleanup.size() - 1; i >= 0; i--) {
        try {
          cleanup.get(i).close();
        } catch (Exception e) {
          System.err.println("cleanup: " + e);
        }
      }
    }
    // The mock API server's and clients' non-daemon threads must not keep the command running.
    System.exit(0);
  }

  private record Target(String name, int port) {}

  private static void report(
      Map<String, LoadGenerator.Result> latency, List<Map<String, Double>> rounds) {
    LoadGenerator.Result direct = latency.get("direct");
    System.out.printf(
        Locale.ROOT,
        "%-8s %10s %10s %12s %12s %14s %8s%n",
        "path",
        "p50 ms",
        "p99 ms",
        "+p50 ms",
        "+p99 ms",
        "req/s @" + THROUGHPUT_CONCURRENCY,
        "errors");
    latency.forEach(
        (name, result) ->
            System.out.printf(
                Locale.ROOT,
                "%-8s %10.3f %10.3f %12.3f %12.3f %14.0f %8d%n",
                name,
                result.percentileMillis(0.50),
                result.percentileMillis(0.99),
                result.percentileMillis(0.50) - direct.percentileMillis(0.50),
                result.percentileMillis(0.99) - direct.percentileMillis(0.99),
                median(rounds.stream().map(r -> r.get(name)).toList()),
                result.errors()));
    LoadGenerator.Result gateway = latency.get("gateway");
    System.out.printf(
        Locale.ROOT,
        "gateway added latency: p50 %.3f ms (goal <= 0.5), p99 %.3f ms (goal <= 3)%n",
        gateway.percentileMillis(0.50) - direct.percentileMillis(0.50),
        gateway.percentileMillis(0.99) - direct.percentileMillis(0.99));
    if (latency.containsKey("nginx")) {
      printRatio(rounds, "nginx", " (goal >= 0.80)");
    } else {
      System.out.println("nginx not measured: no binary given");
    }
    printRatio(rounds, "direct", "");
  }

  /** The gateway's throughput over another path's, per round: the median, then every round. */
  private static void printRatio(List<Map<String, Double>> rounds, String baseline, String goal) {
    List<Double> ratios = rounds.stream().map(r -> r.get("gateway") / r.get(baseline)).toList();
    System.out.printf(
        Locale.ROOT,
        "gateway throughput / %s throughput: %.2f%s, median of %d rounds: %s%n",
        baseline,
        median(ratios),
        goal,
        ratios.size(),
        String.join(" ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static Process startGateway(Path jar, int apiPort, int httpPort) throws IOException {
    Path log = Files.createTempFile("modelfleet-gateway-bench", ".log");
    System.out.println("gateway log: " + log);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Extra JVM options for the gateway only, e.g. a flight recording while profiling it.
    String extra = System.getProperty("bench.gatewayJvmArgs", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-Dkubernetes.master=http://127.0.0.1:" + apiPort,
            "-Dkubernetes.auth.tryKubeConfig=false",
            "-Dkubernetes.auth.tryServiceAccount=false",
            "-Dkubernetes.namespace=default",
            "-Dquarkus.http.port=" + httpPort,
            "-Dquarkus.http.host=127.0.0.1",
            "-jar",
            jar.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static Process startNginx(Path binary, int port, int backendPort) throws IOException {
    Path prefix = Files.createTempDirectory("modelfleet-nginx-bench");
    Files.createDirectories(prefix.resolve("logs"));
    // A reverse proxy as commonly deployed in front of an engine: kept-alive upstream
    // connections, no response buffering (so streams pass through), no access log.
    String conf =
        """
        daemon off;
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_max_body_size 8m;
          upstream engine { server 127.0.0.1:%3$d; keepalive 256; }
          server {
            listen 127.0.0.1:%2$d;
            location / {
              proxy_pass http://engine;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_buffering off;
            }
          }
        }
        """
            .formatted(prefix, port, backendPort);
    Path confFile = prefix.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    return new ProcessBuilder(
            binary.toString(), "-p", prefix.toString(), "-c", confFile.toString(), "-e", "stderr")
        .redirectErrorStream(true)
        .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
        .start();
  }

  private static void waitForHttp(int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nothing answered on port " + port);
  }
}
