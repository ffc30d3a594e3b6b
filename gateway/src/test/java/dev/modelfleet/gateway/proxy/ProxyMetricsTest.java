package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import dev.modelfleet.gateway.testing.GatewayTestProfile;
import dev.modelfleet.gateway.testing.PrometheusText;
import dev.modelfleet.gateway.usage.LastUsedRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What /q/metrics says after requests, and the last-used annotations written to pools. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class ProxyMetricsTest {
  private static final double USD_PER_MILLION_INPUT = 1.0;
  private static final double USD_PER_MILLION_OUTPUT = 2.0;

  /** $3.60 per GPU-hour is $0.001 per GPU-second: easy to check against a known latency. */
  private static final double COST_PER_GPU_HOUR = 3.6;

  private static final long LATENCY_MILLIS = 300;

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend engine;
  private GatewayCalls gateway;

  @BeforeAll
  static void startBackend() {
    engine = FakeBackend.start("engine");
  }

  @AfterAll
  static void stopBackend() {
    engine.close();
  }

  @BeforeEach
  void setUp() {
    engine.reset();
    gateway = new GatewayCalls(base);
  }

  @Test
  void requestsTokensCostLatencyAndHealthyBackendsAreCounted() {
    Fleet fleet = new Fleet(server.getClient(), "metrics");
    fleet.pool("pool", Map.of("m", engine));
    fleet
        .route("priced", "priced-chat")
        .backend("pool", "m", 1)
        .pricing(USD_PER_MILLION_INPUT, USD_PER_MILLION_OUTPUT)
        .apply();
    gateway.awaitChat("priced-chat", s -> s == 200);
    String before = gateway.metrics();

    gateway.post("/v1/chat/completions", GatewayCalls.chat("priced-chat"));
    HttpResponse<String> streamed =
        gateway.post("/v1/chat/completions", GatewayCalls.streamedChat("priced-chat"));
    assertThat(streamed.body()).contains("data: [DONE]");
    String after = gateway.metrics();

    Map<String, String> labels =
        Map.of("route", "metrics/priced", "backend", "pool/m", "model", "priced-chat");
    assertThat(
            delta(
                before, after, "modelfleet_gateway_requests_total", with(labels, "status", "200")))
        .isEqualTo(2);
    assertThat(
            delta(
                before,
                after,
                "modelfleet_gateway_tokens_total",
                with(labels, "direction", "input")))
        .isEqualTo(2 * FakeBackend.PROMPT_TOKENS);
    assertThat(
            delta(
                before,
                after,
                "modelfleet_gateway_tokens_total",
                with(labels, "direction", "output")))
        .isEqualTo(2 * FakeBackend.COMPLETION_TOKENS);
    double perRequest =
        (FakeBackend.PROMPT_TOKENS * USD_PER_MILLION_INPUT
                + FakeBackend.COMPLETION_TOKENS * USD_PER_MILLION_OUTPUT)
            / 1e6;
    assertThat(delta(before, after, "modelfleet_gateway_estimated_cost_dollars_total", labels))
        .isCloseTo(2 * perRequest, within(1e-12));
    assertThat(delta(before, after, "modelfleet_gateway_request_duration_seconds_count", labels))
        .isEqualTo(2);
    assertThat(delta(before, after, "modelfleet_gateway_time_to_first_token_seconds_count", labels))
        .isEqualTo(2);
    // Histograms carry buckets suited to LLM latencies, up to minutes.
    assertThat(after)
        .contains("modelfleet_gateway_request_duration_seconds_bucket{")
        .contains("le=\"300.0\"")
        .contains("modelfleet_gateway_time_to_first_token_seconds_bucket{");
    await()
        .atMost(GatewayCalls.INFORMER_WAIT)
        .until(
            () ->
                PrometheusText.sum(
                        gateway.metrics(),
                        "modelfleet_gateway_healthy_backends",
                        Map.of("route", "metrics/priced"))
                    == 1);
  }

  @Test
  void unpricedPoolModelsAreCostedByGpuHours() {
    HardwareProfile profile = new HardwareProfile();
    profile.setMetadata(new ObjectMetaBuilder().withName("metrics-h100").build());
    HardwareProfileSpec spec = new HardwareProfileSpec();
    spec.setCostPerGpuHour(COST_PER_GPU_HOUR);
    profile.setSpec(spec);
    server.getClient().resource(profile).create();
    Fleet fleet = new Fleet(server.getClient(), "metrics-gpu");
    fleet.pool("pool", Map.of("m", engine), 1, "metrics-h100");
    fleet.route("r", "gpu-costed").backend("pool", "m", 1).apply();
    Map<String, String> labels = Map.of("route", "metrics-gpu/r", "backend", "pool/m");
    // Wait until the profile is known: a request then carries a cost.
    await()
        .atMost(GatewayCalls.INFORMER_WAIT)
        .until(
            () -> {
              gateway.post("/v1/chat/completions", GatewayCalls.chat("gpu-costed"));
              return PrometheusText.sum(
                      gateway.metrics(), "modelfleet_gateway_estimated_cost_dollars_total", labels)
                  > 0;
            });
    engine.latencyMillis(LATENCY_MILLIS);
    String before = gateway.metrics();

    gateway.post("/v1/chat/completions", GatewayCalls.chat("gpu-costed"));

    double cost =
        delta(before, gateway.metrics(), "modelfleet_gateway_estimated_cost_dollars_total", labels);
    double perSecond = COST_PER_GPU_HOUR / 3600;
    // At least the backend's latency was paid for; a loaded machine may add a little more.
    assertThat(cost)
        .isBetween(perSecond * LATENCY_MILLIS / 1000, perSecond * 5 * LATENCY_MILLIS / 1000);
  }

  @Test
  void aSuccessfulAnswerIsRecordedOnThePoolAsLastUsed() {
    Fleet fleet = new Fleet(server.getClient(), "last-used");
    fleet.pool("pool", Map.of("m", engine));
    fleet.route("r", "used-chat").backend("pool", "m", 1).apply();
    Instant before = Instant.now().minusSeconds(1);
    gateway.awaitChat("used-chat", s -> s == 200);
    for (int i = 0; i < 10; i++) {
      gateway.post("/v1/chat/completions", GatewayCalls.chat("used-chat"));
    }

    String annotation = LastUsedRecorder.ANNOTATION_PREFIX + "m";
    String value =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  ModelPool pool =
                      server
                          .getClient()
                          .resources(ModelPool.class)
                          .inNamespace("last-used")
                          .withName("pool")
                          .get();
                  return pool.getMetadata().getAnnotations() == null
                      ? null
                      : pool.getMetadata().getAnnotations().get(annotation);
                },
                v -> v != null);

    Instant used = Instant.parse(value);
    assertThat(value).endsWith("Z");
    assertThat(used)
        .isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.now());
    // The merge patch touched only the annotation: the status the operator wrote is intact.
    ModelPool pool =
        server
            .getClient()
            .resources(ModelPool.class)
            .inNamespace("last-used")
            .withName("pool")
            .get();
    assertThat(pool.getStatus().getModels())
        .singleElement()
        .satisfies(m -> assertThat(m.getEndpoint()).isEqualTo(engine.endpoint()));
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    var copy = new java.util.HashMap<>(labels);
    copy.put(key, value);
    return copy;
  }

  private static double delta(
      String before, String after, String name, Map<String, String> labels) {
    return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
  }
}
