package dev.modelfleet.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.ranker.model.ParameterSource;
import dev.modelfleet.registry.cache.FileCacheStore;
import dev.modelfleet.registry.cache.RegistryCacheStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry with the Hub as a source: precedence, gated files, cache, revalidation, outages. */
class ModelRegistryHubTest {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String AWQ = "Qwen/Qwen2.5-7B-Instruct-AWQ";
  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private FakeHub hub;
  private MutableClock clock;

  @BeforeEach
  void startHub() {
    clock = new MutableClock(START);
    hub =
        FakeHub.start()
            .model(
                LLAMA,
                FakeHub.resource("/hub/Llama-3.1-8B-Instruct.model-info.json"),
                FakeHub.resource("/hub/Llama-3.1-8B-Instruct.config.json"),
                true)
            .model(
                AWQ,
                FakeHub.resource("/hub/Qwen2.5-7B-Instruct-AWQ.model-info.json"),
                "{\"architectures\":[\"Qwen2ForCausalLM\"],\"model_type\":\"qwen2\","
                    + "\"hidden_size\":3584,\"num_hidden_layers\":28,\"num_attention_heads\":28,"
                    + "\"num_key_value_heads\":4,\"intermediate_size\":18944,"
                    + "\"vocab_size\":152064,\"max_position_embeddings\":32768,"
                    + "\"quantization_config\":{\"quant_method\":\"awq\",\"bits\":4}}",
                false);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private ModelRegistry registry(String token, RegistryCacheStore store) {
    return ModelRegistry.builder()
        .settings(RegistrySettings.defaults().withHub(hub.endpoint(), token).withClock(clock))
        .cacheStore(store)
        .build();
  }

  private static Provenance provenance(ResolvedModel model, String field) {
    return model.provenanceOf(field).orElseThrow(() -> new AssertionError("no " + field));
  }

  @Test
  void hubFactsWinOverSnapshotAndCatalog() throws Exception {
    ResolvedModel model =
        registry(FakeHub.GOOD_TOKEN, RegistryCacheStore.none()).resolve(ModelQuery.of(LLAMA));

    assertThat(model.sources())
        .containsExactly(FactSource.CATALOG, FactSource.SNAPSHOT, FactSource.HUB);
    assertThat(provenance(model, "sha"))
        .isEqualTo(
            new Provenance(
                "sha", "0e9e39f249a16976918f6564b8830bc894c89659", FactSource.HUB, START));
    assertThat(provenance(model, "gated").source()).isEqualTo(FactSource.HUB);
    assertThat(provenance(model, "parametersB").source()).isEqualTo(FactSource.HUB);
    assertThat(provenance(model, "config").source()).isEqualTo(FactSource.HUB);
    assertThat(provenance(model, "files").value()).contains("model-00001-of-00004.safetensors");
    // The four shards of the fixture: 16,060,556,376 bytes.
    assertThat(model.value("diskGiB").asDouble()).isEqualTo(14.96);
    assertThat(model.parameterCount().orElseThrow().source())
        .isEqualTo(ParameterSource.SAFETENSORS_METADATA);
    assertThat(model.notes()).isEmpty();
  }

  @Test
  void aGatedConfigWithoutTokenKeepsTheCatalogConfigAndSaysWhy() throws Exception {
    ResolvedModel model = registry(null, RegistryCacheStore.none()).resolve(ModelQuery.of(LLAMA));

    assertThat(provenance(model, "license").source()).isEqualTo(FactSource.HUB);
    assertThat(provenance(model, "config").source()).isEqualTo(FactSource.CATALOG);
    assertThat(model.architecture()).isPresent();
    assertThat(model.notes())
        .anyMatch(n -> n.startsWith("Hub config.json: UNAUTHORIZED_OR_GATED: "));
  }

  @Test
  void aMissingConfigIsRetriedSoonerThanTheRefreshInterval() throws Exception {
    ModelRegistry registry = registry(null, RegistryCacheStore.none());
    registry.resolve(ModelQuery.of(LLAMA));
    int first = hub.seen().size();

    clock.advance(HubSource.FAILURE_BACKOFF.minusMinutes(1));
    registry.resolve(ModelQuery.of(LLAMA));
    assertThat(hub.seen()).hasSize(first);

    clock.advance(Duration.ofMinutes(2));
    registry.resolve(ModelQuery.of(LLAMA));
    assertThat(hub.seen()).hasSize(first * 2);
  }

  @Test
  void aFreshCacheSendsNothingAndAStaleOneRevalidatesWithItsEtag() throws Exception {
    ModelRegistry registry = registry(FakeHub.GOOD_TOKEN, RegistryCacheStore.none());
    registry.resolve(ModelQuery.of(LLAMA));
    int afterFirst = hub.seen().size();

    clock.advance(Duration.ofHours(23));
    registry.resolve(ModelQuery.of(LLAMA));
    assertThat(hub.seen()).hasSize(afterFirst);

    clock.advance(Duration.ofHours(2));
    ResolvedModel revalidated = registry.resolve(ModelQuery.of(LLAMA));
    assertThat(hub.seen()).hasSize(afterFirst * 2);
    assertThat(hub.seen().subList(afterFirst, afterFirst * 2))
        .allMatch(seen -> seen.ifNoneMatch() != null);
    // A 304 confirms the facts: they now date from the revalidation.
    assertThat(provenance(revalidated, "sha").observedAt()).isEqualTo(clock.instant());
    assertThat(provenance(revalidated, "config").source()).isEqualTo(FactSource.HUB);
  }

  @Test
  void anOutageFallsBackToTheStaleCacheAndBacksOff() throws Exception {
    ModelRegistry registry = registry(FakeHub.GOOD_TOKEN, RegistryCacheStore.none());
    registry.resolve(ModelQuery.of(LLAMA));
    hub.failing(LLAMA, 503);
    clock.advance(RegistrySettings.DEFAULT_REFRESH_INTERVAL.plusMinutes(1));

    ResolvedModel stale = registry.resolve(ModelQuery.of(LLAMA));
    int afterOutage = hub.seen().size();
    ResolvedModel again = registry.resolve(ModelQuery.of(LLAMA));

    assertThat(provenance(stale, "sha").observedAt()).isEqualTo(START);
    assertThat(stale.notes())
        .anyMatch(n -> n.startsWith("Hub: UNAVAILABLE: "))
        .anyMatch(n -> n.startsWith("using Hub facts cached at " + START));
    assertThat(hub.seen()).hasSize(afterOutage);
    assertThat(again.notes()).anyMatch(n -> n.startsWith("Hub not asked again until"));
    assertThat(provenance(again, "sha").source()).isEqualTo(FactSource.HUB);
  }

  @Test
  void offlineNeverContactsTheHub() throws Exception {
    ModelRegistry registry =
        ModelRegistry.builder()
            .settings(RegistrySettings.defaults().withHub(hub.endpoint(), null).withOffline(true))
            .build();

    ResolvedModel model = registry.resolve(ModelQuery.of(LLAMA));

    assertThat(hub.seen()).isEmpty();
    assertThat(model.sources()).containsExactly(FactSource.CATALOG, FactSource.SNAPSHOT);
  }

  @Test
  void thePersistedCacheServesANewRegistryWithoutTheHub(@TempDir Path dir) throws Exception {
    FileCacheStore store = new FileCacheStore(dir.resolve("cache/registry-cache.json"));
    registry(FakeHub.GOOD_TOKEN, store).resolve(ModelQuery.of(LLAMA));
    hub.close();

    ResolvedModel model = registry(FakeHub.GOOD_TOKEN, store).resolve(ModelQuery.of(LLAMA));

    assertThat(provenance(model, "sha").source()).isEqualTo(FactSource.HUB);
    assertThat(provenance(model, "config").source()).isEqualTo(FactSource.HUB);
    assertThat(model.notes()).isEmpty();
  }

  @Test
  void offlineTheCachedHubAnswersStillServeWhateverTheirAge(@TempDir Path dir) throws Exception {
    FileCacheStore store = new FileCacheStore(dir.resolve("registry-cache.json"));
    registry(FakeHub.GOOD_TOKEN, store).resolve(ModelQuery.of(LLAMA));
    int online = hub.seen().size();
    clock.advance(Duration.ofDays(30));
    ModelRegistry offline =
        ModelRegistry.builder()
            .settings(
                RegistrySettings.defaults()
                    .withHub(hub.endpoint(), FakeHub.GOOD_TOKEN)
                    .withClock(clock)
                    .withOffline(true))
            .cacheStore(store)
            .build();

    ResolvedModel model = offline.resolve(ModelQuery.of(LLAMA));

    assertThat(hub.seen()).hasSize(online);
    assertThat(provenance(model, "sha").observedAt()).isEqualTo(START);
    assertThat(model.notes())
        .containsExactly("Hub not consulted: offline", "using Hub facts cached at " + START);
  }

  @Test
  void packedQuantizedCountsAreNotTakenAsParameters() throws Exception {
    ResolvedModel model = registry(null, RegistryCacheStore.none()).resolve(ModelQuery.of(AWQ));

    assertThat(model.value("safetensorsTotal").asLong()).isEqualTo(1_969_225_728L);
    assertThat(model.provenanceOf("parametersB")).isEmpty();
    assertThat(model.notes()).anyMatch(n -> n.contains("packed quantized weights"));
    assertThat(model.parameterCount().orElseThrow().source()).isEqualTo(ParameterSource.COMPUTED);
    assertThat(model.parameterCount().orElseThrow().totalBillions()).isBetween(7.5, 7.7);
  }

  @Test
  void aModelTheHubDoesNotKnowStaysUnknownWithTheCode() throws Exception {
    ResolvedModel model =
        registry(FakeHub.GOOD_TOKEN, RegistryCacheStore.none()).resolve(ModelQuery.of("acme/nope"));

    assertThat(model.known()).isFalse();
    assertThat(model.notes()).anyMatch(n -> n.startsWith("Hub: NOT_FOUND: "));
  }

  @Test
  void anOllamaTagIsNotSentToTheHub() throws Exception {
    ResolvedModel model =
        registry(null, RegistryCacheStore.none()).resolve(ModelQuery.of("llama3.1:8b"));

    assertThat(hub.seen()).isEmpty();
    assertThat(model.known()).isFalse();
  }
}
