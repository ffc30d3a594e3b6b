package dev.modelfleet.operator.pool.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.pool.ModelFactsOverride;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.UnknownModelPolicy;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.FactSource;
import dev.modelfleet.ranker.quant.QuantizationTable;
import dev.modelfleet.registry.ModelRegistry;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.registry.UserRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool model resolver over a model registry: sources, provenance, overrides, unknown modes. */
class PoolModelResolverRegistryTest {
  private static final Instant REGISTRY_DATE = Instant.parse("2026-11-01T00:00:00Z");

  private static final String USER_REGISTRY =
      """
      models:
        - id: acme/support-llm-13b
          aliases: [support-llm:13b]
          observedAt: 2026-11-01
          license: other
          parametersB: 13
          config:
            architectures: [LlamaForCausalLM]
            model_type: llama
            hidden_size: 5120
            num_hidden_layers: 40
            num_attention_heads: 40
            num_key_value_heads: 8
            intermediate_size: 13824
            vocab_size: 32000
            max_position_embeddings: 32768
      """;

  private final PoolModelResolver resolver;

  PoolModelResolverRegistryTest() throws Exception {
    resolver =
        new PoolModelResolver(
            ModelRegistry.builder()
                .userRegistry(UserRegistry.parse(USER_REGISTRY, "models.yaml", REGISTRY_DATE))
                .settings(RegistrySettings.defaults().withOffline(true))
                .build(),
            OllamaLibrary.bundled(),
            QuantizationTable.bundled());
  }

  @Test
  void aCatalogModelTakesItsArchitectureAndDatedProvenanceFromTheCatalog() {
    ResolvedPoolModel llama =
        resolver.resolve(hf("llama", "meta-llama/Llama-3.1-8B-Instruct"), pool(null));

    assertThat(llama.placeable()).isTrue();
    assertThat(llama.warnsUnknown()).isFalse();
    assertThat(llama.facts().numLayers()).isEqualTo(32);
    assertThat(llama.facts().numKeyValueHeads()).isEqualTo(8);
    FactSource architecture = fact(llama, "architecture");
    assertThat(architecture.value()).isEqualTo("LlamaForCausalLM");
    assertThat(architecture.source()).isEqualTo("catalog");
    assertThat(architecture.observedAt()).isNotNull();
    assertThat(fact(llama, "layers").source()).isEqualTo("catalog");
    assertThat(llama.sources()).allSatisfy(f -> assertThat(f.value()).hasSizeLessThan(201));
  }

  @Test
  void anOllamaTagResolvesThroughItsHuggingFaceRepository() {
    PoolModel tag = new PoolModel();
    tag.setName("tag");
    ModelSource source = new ModelSource();
    source.setOllama("llama3.1:8b");
    tag.setSource(source);

    ResolvedPoolModel resolved = resolver.resolve(tag, pool(null));

    assertThat(resolved.placeable()).isTrue();
    assertThat(resolved.facts().numLayers()).isEqualTo(32);
    assertThat(fact(resolved, "architecture").source()).isEqualTo("catalog");
  }

  @Test
  void aModelOnlyTheUserRegistryKnowsIsKnownWithRegistryProvenance() {
    ResolvedPoolModel support =
        resolver.resolve(hf("support", "acme/support-llm-13b"), pool(UnknownModelPolicy.REJECT));

    assertThat(support.placeable()).isTrue();
    assertThat(support.warnsUnknown()).isFalse();
    assertThat(support.facts().numLayers()).isEqualTo(40);
    assertThat(support.facts().parameters().totalBillions()).isEqualTo(13.0);
    FactSource parameters = fact(support, "parametersB");
    assertThat(parameters.source()).isEqualTo("registry");
    assertThat(parameters.observedAt()).isEqualTo(REGISTRY_DATE);
    assertThat(fact(support, "license").value()).isEqualTo("other");
    assertThat(fact(support, "layers").source()).isEqualTo("registry");
  }

  @Test
  void anOverrideWinsOverTheCatalogAndSaysSo() {
    PoolModel llama = hf("llama", "meta-llama/Llama-3.1-8B-Instruct");
    ModelFactsOverride overrides = new ModelFactsOverride();
    overrides.setMaxContextLength(16384);
    overrides.setParametersB(9.0);
    llama.setOverrides(overrides);

    ResolvedPoolModel resolved = resolver.resolve(llama, pool(null));

    assertThat(resolved.facts().maxPositionEmbeddings()).isEqualTo(16384);
    assertThat(resolved.facts().parameters().totalBillions()).isEqualTo(9.0);
    assertThat(fact(resolved, "maxContextLength").source()).isEqualTo("override");
    assertThat(fact(resolved, "maxContextLength").value()).isEqualTo("16384");
    assertThat(fact(resolved, "parametersB").source()).isEqualTo("override");
    assertThat(fact(resolved, "parametersB").observedAt()).as("the spec itself").isNull();
  }

  @Test
  void rejectMakesAnUnknownModelUnfitAndSaysWhatToAdd() {
    ResolvedPoolModel secret =
        resolver.resolve(described("secret", "acme/secret-7b"), pool(UnknownModelPolicy.REJECT));

    assertThat(secret.placeable()).isFalse();
    assertThat(secret.rejection().reason()).isEqualTo("UnknownModel");
    assertThat(secret.rejection().message())
        .contains("acme/secret-7b", "user registry", "allowUnknown", "spec.models[secret]");
  }

  @Test
  void allowUnknownLetsOneModelThroughARejectingPoolSilently() {
    PoolModel secret = described("secret", "acme/secret-7b");
    secret.setAllowUnknown(true);

    ResolvedPoolModel resolved = resolver.resolve(secret, pool(UnknownModelPolicy.REJECT));

    assertThat(resolved.placeable()).isTrue();
    assertThat(resolved.warnsUnknown()).isFalse();
  }

  @Test
  void warnPlacesADescribedUnknownModelWithAWarning() {
    ResolvedPoolModel secret =
        resolver.resolve(described("secret", "acme/secret-7b"), pool(UnknownModelPolicy.WARN));

    assertThat(secret.placeable()).isTrue();
    assertThat(secret.warnsUnknown()).isTrue();
    assertThat(secret.unknownWarning()).contains("acme/secret-7b", "user registry");
    assertThat(secret.facts().numLayers()).isEqualTo(32);
    assertThat(fact(secret, "parametersB").source()).isEqualTo("override");
  }

  @Test
  void allowPlacesADescribedUnknownModelSilently() {
    ResolvedPoolModel secret =
        resolver.resolve(described("secret", "acme/secret-7b"), pool(UnknownModelPolicy.ALLOW));

    assertThat(secret.placeable()).isTrue();
    assertThat(secret.warnsUnknown()).isFalse();
    assertThat(secret.unknownWarning()).isNull();
  }

  @Test
  void anUnknownUndescribedModelCannotBeEstimatedAndTheReasonNamesTheOverrides() {
    for (UnknownModelPolicy policy : List.of(UnknownModelPolicy.WARN, UnknownModelPolicy.ALLOW)) {
      ResolvedPoolModel bare = resolver.resolve(hf("bare", "acme/bare-3b"), pool(policy));

      assertThat(bare.placeable()).as(policy.name()).isFalse();
      assertThat(bare.rejection().reason()).isEqualTo("UnknownModel");
      assertThat(bare.rejection().message())
          .contains(
              "overrides.parametersB", "layers", "hiddenSize", "kvHeads", "spec.models[bare]");
    }
  }

  private static FactSource fact(ResolvedPoolModel model, String name) {
    return model.sources().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + name + " in " + model.sources()));
  }

  private static ModelPoolSpec pool(UnknownModelPolicy policy) {
    ModelPoolSpec spec = new ModelPoolSpec();
    if (policy != null) {
      spec.setUnknownModels(policy);
    }
    spec.setModels(new ArrayList<>());
    return spec;
  }

  private static PoolModel described(String name, String repo) {
    PoolModel model = hf(name, repo);
    ModelFactsOverride facts = new ModelFactsOverride();
    facts.setParametersB(7.0);
    facts.setLayers(32);
    facts.setHiddenSize(4096);
    facts.setAttentionHeads(32);
    facts.setKvHeads(8);
    model.setOverrides(facts);
    return model;
  }

  private static PoolModel hf(String name, String repo) {
    PoolModel model = new PoolModel();
    model.setName(name);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    model.setSource(source);
    model.setContextLength(4096);
    return model;
  }
}
