package dev.modelfleet.registry.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.registry.FakeHub;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubClientTest {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakeHub hub;

  @BeforeEach
  void startHub() {
    hub =
        FakeHub.start()
            .model(
                LLAMA,
                FakeHub.resource("/hub/Llama-3.1-8B-Instruct.model-info.json"),
                FakeHub.resource("/hub/Llama-3.1-8B-Instruct.config.json"),
                true);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private HubClient client(String token) {
    return new HubClient(hub.endpoint(), token, TIMEOUT);
  }

  @Test
  void modelInfoReadsTheDocumentedFields() throws Exception {
    HubResponse<HubModelInfo> response = client(null).modelInfo(LLAMA, null, null);

    HubModelInfo info = response.body();
    assertThat(info.id()).isEqualTo(LLAMA);
    assertThat(info.sha()).isEqualTo("0e9e39f249a16976918f6564b8830bc894c89659");
    assertThat(info.license()).isEqualTo("llama3.1");
    assertThat(info.gatedMode()).isEqualTo("manual");
    assertThat(info.gated()).isTrue();
    assertThat(info.safetensorsTotal()).isEqualTo(8_030_261_248L);
    assertThat(info.safetensorsParameters()).containsEntry("BF16", 8_030_261_248L);
    assertThat(info.tags()).contains("license:llama3.1");
    assertThat(info.files())
        .contains(new HubFile("model-00001-of-00004.safetensors", 4_976_698_672L))
        .hasSize(8);
    assertThat(response.etag()).startsWith("W/\"");
    FakeHub.Seen request = hub.seen().get(0);
    assertThat(request.path()).isEqualTo("/api/models/" + LLAMA);
    assertThat(request.query()).isEqualTo("blobs=true");
    assertThat(request.authorization()).isNull();
  }

  @Test
  void aTokenIsSentAsBearerAndNeverWithoutOne() throws Exception {
    client(FakeHub.GOOD_TOKEN).modelInfo(LLAMA, null, null);
    client("  ").modelInfo(LLAMA, null, null);

    assertThat(hub.seen().get(0).authorization()).isEqualTo("Bearer " + FakeHub.GOOD_TOKEN);
    assertThat(hub.seen().get(1).authorization()).isNull();
  }

  @Test
  void aRevisionGoesIntoBothPaths() throws Exception {
    HubClient client = client(FakeHub.GOOD_TOKEN);
    client.modelInfo(LLAMA, "0e9e39f2", null);
    client.configJson(LLAMA, "0e9e39f2", null);
    client.configJson(LLAMA, null, null);

    assertThat(hub.seen())
        .extracting(FakeHub.Seen::path)
        .containsExactly(
            "/api/models/" + LLAMA + "/revision/0e9e39f2",
            "/" + LLAMA + "/resolve/0e9e39f2/config.json",
            "/" + LLAMA + "/resolve/main/config.json");
  }

  @Test
  void gatedFilesNeedAnAcceptedToken() throws Exception {
    expect(() -> client(null).configJson(LLAMA, null, null), HubErrorCode.UNAUTHORIZED_OR_GATED)
        .hasMessageContaining("401")
        .hasMessageContaining("is restricted");
    expect(
            () -> client("hf_other").configJson(LLAMA, null, null),
            HubErrorCode.UNAUTHORIZED_OR_GATED)
        .hasMessageContaining("403");

    String config = client(FakeHub.GOOD_TOKEN).configJson(LLAMA, null, null).body();
    assertThat(config).contains("\"num_hidden_layers\": 32");
  }

  @Test
  void anUnknownRepoIsNotFoundWithOrWithoutAToken() {
    // The Hub answers 401 RepoNotFound without a token (a private repo looks the same) and 404
    // with one.
    expect(() -> client(null).modelInfo("acme/nope", null, null), HubErrorCode.NOT_FOUND)
        .hasMessageContaining("401")
        .hasMessageContaining("private");
    expect(
            () -> client(FakeHub.GOOD_TOKEN).modelInfo("acme/nope", null, null),
            HubErrorCode.NOT_FOUND)
        .hasMessageContaining("404");
  }

  @Test
  void serverErrorsAndRateLimitsAreUnavailable() {
    hub.failing("acme/down", 503).failing("acme/busy", 429).failing("acme/teapot", 418);

    expect(() -> client(null).modelInfo("acme/down", null, null), HubErrorCode.UNAVAILABLE)
        .hasMessageContaining("503")
        .hasMessageContaining("working hard");
    expect(() -> client(null).modelInfo("acme/busy", null, null), HubErrorCode.UNAVAILABLE)
        .hasMessageContaining("429");
    expect(() -> client(null).modelInfo("acme/teapot", null, null), HubErrorCode.UNAVAILABLE)
        .hasMessageContaining("unexpected status");
  }

  @Test
  void aSlowAnswerTimesOutAsANetworkError() {
    hub.slow(LLAMA, Duration.ofSeconds(1));
    HubClient impatient = new HubClient(hub.endpoint(), null, Duration.ofMillis(200));

    expect(() -> impatient.modelInfo(LLAMA, null, null), HubErrorCode.NETWORK)
        .hasMessageContaining("no answer within");
  }

  @Test
  void anUnreachableEndpointIsANetworkError() {
    URI closed = hub.endpoint();
    hub.close();

    expect(
        () -> new HubClient(closed, null, TIMEOUT).modelInfo(LLAMA, null, null),
        HubErrorCode.NETWORK);
  }

  @Test
  void malformedAnswersAreParseErrors() {
    hub.raw("acme/broken", "{\"id\": \"acme/broken\", \"siblings\": [")
        .raw("acme/html", "<html>Hugging Face is down</html>")
        .raw("acme/noid", "{\"sha\": \"abc\"}")
        .model("acme/badconfig", "{\"id\":\"acme/badconfig\"}", "[1, 2, 3]", false);

    expect(() -> client(null).modelInfo("acme/broken", null, null), HubErrorCode.PARSE);
    expect(() -> client(null).modelInfo("acme/html", null, null), HubErrorCode.PARSE);
    expect(() -> client(null).modelInfo("acme/noid", null, null), HubErrorCode.PARSE)
        .hasMessageContaining("id");
    expect(() -> client(null).configJson("acme/badconfig", null, null), HubErrorCode.PARSE)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void anEtagRevalidatesToNotModified() throws Exception {
    HubClient client = client(FakeHub.GOOD_TOKEN);
    HubResponse<HubModelInfo> first = client.modelInfo(LLAMA, null, null);
    HubResponse<HubModelInfo> second = client.modelInfo(LLAMA, null, first.etag());
    HubResponse<String> config = client.configJson(LLAMA, null, null);
    HubResponse<String> configAgain = client.configJson(LLAMA, null, config.etag());

    assertThat(second.notModified()).isTrue();
    assertThat(second.etag()).isEqualTo(first.etag());
    assertThat(configAgain.notModified()).isTrue();
    assertThat(hub.seen().get(1).ifNoneMatch()).isEqualTo(first.etag());

    HubResponse<HubModelInfo> stale = client.modelInfo(LLAMA, null, "W/\"outdated\"");
    assertThat(stale.notModified()).isFalse();
    assertThat(stale.body().id()).isEqualTo(LLAMA);
  }

  @Test
  void somethingThatIsNotARepoIdIsNotSent() {
    expect(() -> client(null).modelInfo("llama3.1:8b", null, null), HubErrorCode.NOT_FOUND)
        .hasMessageContaining("not a Hub repository id");
    expect(() -> client(null).modelInfo("../etc/passwd", null, null), HubErrorCode.NOT_FOUND);
    expect(() -> client(null).configJson("acme/..", null, null), HubErrorCode.NOT_FOUND);
    assertThat(hub.seen()).isEmpty();
  }

  @Test
  void cachedFormReadsBackTheSameFacts() throws Exception {
    HubModelInfo info = client(null).modelInfo(LLAMA, null, null).body();

    assertThat(HubModelInfo.parse(info.toJson().toString(), "cache")).isEqualTo(info);
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> expect(
      ThrowingCallable call, HubErrorCode code) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageStartingWith(code.name() + ": ");
  }
}
