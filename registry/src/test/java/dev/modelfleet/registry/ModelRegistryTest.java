package dev.modelfleet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ParameterSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merge precedence and provenance across catalog, snapshot, user registry and overrides. */
class ModelRegistryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant REGISTRY_WRITTEN = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant COMPILED =
      ModelCatalog.bundled()
          .compiledOn()
          .orElseThrow()
          .atStartOfDay()
          .toInstant(java.time.ZoneOffset.UTC);
  private static final Instant SNAPSHOT = Instant.parse("2026-11-23T00:00:00Z");
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

  private static ModelRegistry offline(String registryYaml) throws RegistryFormatException {
    return ModelRegistry.builder()
        .userRegistry(UserRegistry.parse(registryYaml, "registry.yaml", REGISTRY_WRITTEN))
        .settings(
            RegistrySettings.defaults()
                .withOffline(true)
                .withClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)))
        .build();
  }

  private static Provenance provenance(ResolvedModel model, String field) {
    return model.provenanceOf(field).orElseThrow(() -> new AssertionError("no " + field));
  }

  @Test
  void aCatalogModelResolvesWithCatalogProvenanceAndAComputedCount() throws Exception {
    ResolvedModel model = offline("").resolve(ModelQuery.of("qwen/qwen2.5-7b-instruct"));

    assertThat(model.known()).isTrue();
    assertThat(model.id()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
    assertThat(model.sources()).containsExactly(FactSource.CATALOG);
    assertThat(model.license()).contains("apache-2.0");
    assertThat(provenance(model, "license"))
        .isEqualTo(new Provenance("license", "apache-2.0", FactSource.CATALOG, COMPILED));
    assertThat(model.architecture().orElseThrow().numLayers()).isEqualTo(28);
    assertThat(model.parameterCount().orElseThrow().source()).isEqualTo(ParameterSource.COMPUTED);
    assertThat(model.notes()).contains("Hub not consulted: offline");
  }

  @Test
  void theSnapshotWinsOverTheCatalogFieldByField() throws Exception {
    ResolvedModel model = offline("").resolve(ModelQuery.of(LLAMA));

    assertThat(model.sources()).containsExactly(FactSource.CATALOG, FactSource.SNAPSHOT);
    assertThat(provenance(model, "parametersB").source()).isEqualTo(FactSource.SNAPSHOT);
    assertThat(provenance(model, "parametersB").observedAt()).isEqualTo(SNAPSHOT);
    assertThat(provenance(model, "parametersB").value()).isEqualTo("8.030261248");
    assertThat(provenance(model, "gatedMode").source()).isEqualTo(FactSource.SNAPSHOT);
    // Fields the snapshot does not carry stay the catalog's.
    assertThat(provenance(model, "config").source()).isEqualTo(FactSource.CATALOG);
    assertThat(provenance(model, "maxContextLength").source()).isEqualTo(FactSource.CATALOG);
    assertThat(model.parameterCount().orElseThrow().total()).isEqualTo(8_030_261_248.0);
    assertThat(model.parameterCount().orElseThrow().source())
        .isEqualTo(ParameterSource.SAFETENSORS_METADATA);
    assertThat(model.architecture().orElseThrow().parameters().total()).isEqualTo(8_030_261_248.0);
  }

  @Test
  void theUserRegistryWinsOverTheSnapshotAndOverridesWinOverAll() throws Exception {
    ModelRegistry registry =
        offline(
            """
            models:
              - id: meta-llama/Meta-Llama-3.1-8B-Instruct   # an alias of the catalog id
                license: llama3.1-internal-review
                parametersB: 8.1
                team: platform
            """);
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("parametersB", 8.2);
    overrides.put("license", null); // null says nothing: the registry's value stays
    overrides.put("diskGiB", 16.5);

    ResolvedModel model = registry.resolve(new ModelQuery(LLAMA, null, overrides));

    assertThat(model.sources())
        .containsExactly(
            FactSource.CATALOG, FactSource.SNAPSHOT, FactSource.REGISTRY, FactSource.OVERRIDE);
    assertThat(provenance(model, "license"))
        .isEqualTo(
            new Provenance(
                "license", "llama3.1-internal-review", FactSource.REGISTRY, REGISTRY_WRITTEN));
    assertThat(provenance(model, "parametersB"))
        .isEqualTo(new Provenance("parametersB", "8.2", FactSource.OVERRIDE, NOW));
    assertThat(provenance(model, "diskGiB").source()).isEqualTo(FactSource.OVERRIDE);
    assertThat(provenance(model, "team"))
        .isEqualTo(new Provenance("team", "platform", FactSource.REGISTRY, REGISTRY_WRITTEN));
    assertThat(model.value("team").asText()).isEqualTo("platform");
    assertThat(model.parameterCount().orElseThrow().total()).isEqualTo(8.2e9);
    assertThat(model.parameterCount().orElseThrow().source()).isEqualTo(ParameterSource.SUPPLIED);
    // The id stays the catalog's spelling, not the alias the registry used.
    assertThat(model.id()).isEqualTo(LLAMA);
  }

  @Test
  void everyMergedFieldHasExactlyOneProvenance() throws Exception {
    ResolvedModel model = offline("").resolve(ModelQuery.of(LLAMA));

    List<String> fields = new java.util.ArrayList<>();
    model.facts().fieldNames().forEachRemaining(fields::add);
    assertThat(model.provenance()).extracting(Provenance::field).containsExactlyElementsOf(fields);
  }

  @Test
  void overrideSizesAreLaidOverTheConfig() throws Exception {
    Map<String, Object> overrides = Map.of("layers", 40, "maxContextLength", 8192);

    ResolvedModel model = offline("").resolve(new ModelQuery(LLAMA, null, overrides));

    assertThat(model.architecture().orElseThrow().numLayers()).isEqualTo(40);
    assertThat(model.architecture().orElseThrow().maxPositionEmbeddings()).isEqualTo(8192);
    assertThat(model.contextLength()).hasValue(8192);
    assertThat(provenance(model, "layers").source()).isEqualTo(FactSource.OVERRIDE);
    assertThat(model.notes()).anyMatch(n -> n.contains("laid over config.json"));
  }

  @Test
  void anUnknownModelStillResolvesFlaggedUnknown() throws Exception {
    ResolvedModel model = offline("").resolve(ModelQuery.of("acme/private-7b"));

    assertThat(model.known()).isFalse();
    assertThat(model.id()).isEqualTo("acme/private-7b");
    assertThat(model.sources()).isEmpty();
    assertThat(model.provenance()).isEmpty();
    assertThat(model.architecture()).isEmpty();
    assertThat(model.parameterCount()).isEmpty();
    assertThat(model.notes()).anyMatch(n -> n.startsWith("unknown model"));
  }

  @Test
  void overridesAloneGiveFactsButDoNotMakeAModelKnown() throws Exception {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("parametersB", 7.0);
    overrides.put("layers", 32);

    ResolvedModel model = offline("").resolve(new ModelQuery("acme/private-7b", null, overrides));

    assertThat(model.known()).isFalse();
    assertThat(model.parameterCount().orElseThrow().total()).isEqualTo(7e9);
    assertThat(model.parameterCount().orElseThrow().active()).isEqualTo(7e9);
    // Layers alone cannot describe an architecture: the note names what is missing.
    assertThat(model.architecture()).isEmpty();
    assertThat(model.notes()).anyMatch(n -> n.contains("config.hidden_size"));
  }

  @Test
  void anUnreadableRegistryConfigIsANoteAndTheOtherFactsStand() throws Exception {
    ModelRegistry registry =
        offline(
            """
            models:
              - id: acme/odd-model
                parametersB: 3
                config: {hidden_size: big, num_hidden_layers: 2, num_attention_heads: 2}
            """);

    ResolvedModel model = registry.resolve(ModelQuery.of("acme/odd-model"));

    assertThat(model.known()).isTrue();
    assertThat(model.architecture()).isEmpty();
    assertThat(model.notes())
        .anyMatch(n -> n.startsWith("no architecture facts: config.hidden_size"));
    assertThat(model.parameterCount().orElseThrow().total()).isEqualTo(3e9);
  }

  @Test
  void aFullOverrideConfigDescribesAPrivateModel() throws Exception {
    Map<String, Object> config =
        Map.of(
            "architectures", List.of("LlamaForCausalLM"),
            "model_type", "llama",
            "hidden_size", 4096,
            "num_hidden_layers", 32,
            "num_attention_heads", 32,
            "num_key_value_heads", 8,
            "intermediate_size", 14336,
            "vocab_size", 128256,
            "max_position_embeddings", 131072);

    ResolvedModel model =
        offline("").resolve(new ModelQuery("acme/private-8b", null, Map.of("config", config)));

    assertThat(model.architecture().orElseThrow().family()).isEqualTo("llama");
    assertThat(model.parameterCount().orElseThrow().totalBillions()).isBetween(8.0, 8.1);
    assertThat(model.parameterCount().orElseThrow().source()).isEqualTo(ParameterSource.COMPUTED);
  }

  @Test
  void aQuantizedMirrorInheritsArchitectureButNotTheGatedFlag() throws Exception {
    ResolvedModel model =
        offline("").resolve(ModelQuery.of("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF"));

    assertThat(model.known()).isTrue();
    assertThat(model.id()).isEqualTo("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF");
    assertThat(model.architecture().orElseThrow().numLayers()).isEqualTo(32);
    assertThat(model.architecture().orElseThrow().id())
        .isEqualTo("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF");
    assertThat(model.gated()).isEmpty();
    assertThat(model.provenanceOf("aliases")).isEmpty();
    // The original's snapshot row (its safetensors count, gated mode) is not the mirror's.
    assertThat(model.sources()).containsExactly(FactSource.CATALOG);
    assertThat(model.license()).contains("llama3.1");
    assertThat(model.notes()).anyMatch(n -> n.contains("used for mirror"));
  }

  @Test
  void anOllamaTagIsKnownThroughARegistryAlias() throws Exception {
    ModelRegistry registry =
        offline(
            """
            models:
              - id: acme/support-llm-13b
                aliases: [support-llm:13b]
                parametersB: 13
            """);

    ResolvedModel model = registry.resolve(ModelQuery.of("support-llm:13b"));

    assertThat(model.known()).isTrue();
    assertThat(model.id()).isEqualTo("acme/support-llm-13b");
    assertThat(registry.resolve(ModelQuery.of("support-llm:7b")).known()).isFalse();
  }

  @Test
  void knownModelsListsEveryCatalogSnapshotAndRegistryModelOnce() throws Exception {
    ModelRegistry registry =
        offline(
            """
            models:
              - id: acme/support-llm-13b
                parametersB: 13
              - id: Qwen/Qwen3-8B
                license: apache-2.0-reviewed
            """);

    List<ResolvedModel> models = registry.knownModels();

    int catalog = ModelCatalog.bundled().all().size();
    assertThat(models).hasSize(catalog + 1);
    assertThat(models).allMatch(ResolvedModel::known);
    ResolvedModel qwen =
        models.stream().filter(m -> m.id().equals("Qwen/Qwen3-8B")).findFirst().orElseThrow();
    assertThat(qwen.sources())
        .containsExactly(FactSource.CATALOG, FactSource.SNAPSHOT, FactSource.REGISTRY);
    assertThat(qwen.license()).contains("apache-2.0-reviewed");
    assertThat(models.get(models.size() - 1).id()).isEqualTo("acme/support-llm-13b");
  }

  @Test
  void badOverridesNameTheField() {
    assertThatThrownBy(
            () -> offline("").resolve(new ModelQuery(LLAMA, null, Map.of("parametersB", "eight"))))
        .isInstanceOf(RegistryFormatException.class)
        .hasMessageStartingWith("overrides.parametersB: must be a positive number");
  }

  @Test
  void theBundledSnapshotIsWellFormedAndCitesItsSources() {
    HubSnapshot snapshot = HubSnapshot.bundled();

    assertThat(snapshot.warnings()).isEmpty();
    assertThat(snapshot.models()).isNotEmpty();
    assertThat(snapshot.snapshotDate()).isPresent();
    for (ModelRecord model : snapshot.models()) {
      assertThat(model.get(Fact.SOURCE).asText()).startsWith("https://huggingface.co/");
      assertThat(ModelCatalog.bundled().lookup(model.id())).as(model.id()).isPresent();
    }
  }
}
