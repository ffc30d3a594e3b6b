package dev.modelfleet.ranker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCatalogTest {
  private static final ModelCatalog CATALOG = ModelCatalog.bundled();

  // Published totals that include a vision encoder the computed count leaves out.
  private static final Set<String> WITH_VISION =
      Set.of("google/gemma-3-12b-it", "google/gemma-3-27b-it");

  // Published active counts that are rounded labels or count differently from
  // ParameterCount.active (see the entry's note).
  private static final Set<String> ACTIVE_ROUNDED = Set.of("Qwen/Qwen3-Next-80B-A3B-Instruct");
  private static final Set<String> ACTIVE_WITHOUT_EMBEDDING =
      Set.of("openai/gpt-oss-20b", "openai/gpt-oss-120b");

  @Test
  void bundledCatalogLoadsAtLeast25ModelsWithoutWarnings() {
    assertThat(CATALOG.warnings()).isEmpty();
    assertThat(CATALOG.all()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(ModelCatalog.bundled()).isSameAs(CATALOG);
    assertThat(CATALOG.compiledOn()).isPresent();
  }

  @Test
  void everyEntryNamesItsConfigSourceLicenseAndContext() {
    Set<String> ids = new HashSet<>();
    assertThat(CATALOG.all())
        .allSatisfy(
            m -> {
              assertThat(ids.add(m.id().toLowerCase())).as("unique " + m.id()).isTrue();
              assertThat(m.source())
                  .as(m.id())
                  .isEqualTo("https://huggingface.co/" + m.id() + "/blob/main/config.json");
              assertThat(m.license()).as(m.id()).isNotBlank();
              assertThat(m.contextLength()).as(m.id()).isPositive();
              assertThat(m.facts().id()).isEqualTo(m.id());
              assertThat(m.facts().parameters().total()).as(m.id()).isPositive();
              assertThat(m.published()).as(m.id()).isNotNull();
              assertThat(m.published().source()).as(m.id()).startsWith("https://");
            });
  }

  @Test
  void computedTotalsAgreeWithPublishedOnesWithin2Percent() {
    for (CatalogModel m : CATALOG.all()) {
      double computed = m.facts().parameters().totalBillions();
      double tolerance = WITH_VISION.contains(m.id()) ? 5.0 : 2.0;
      assertThat(computed)
          .as(m.id() + " computed vs published total")
          .isCloseTo(m.published().totalBillions(), withinPercentage(tolerance));
    }
  }

  @Test
  void computedActiveCountsAgreeWithPublishedOnesWithin2Percent() {
    for (CatalogModel m : CATALOG.all()) {
      if (m.published().activeBillions() == null || ACTIVE_ROUNDED.contains(m.id())) {
        continue;
      }
      ParameterCount count = m.facts().parameters();
      double active =
          ACTIVE_WITHOUT_EMBEDDING.contains(m.id()) ? count.activeReadPerToken() : count.active();
      assertThat(active / 1e9)
          .as(m.id() + " computed vs published active")
          .isCloseTo(m.published().activeBillions(), withinPercentage(2.0));
    }
  }

  @Test
  void everyMoeEntryIsActiveBelowTotal() {
    List<CatalogModel> moe = CATALOG.all().stream().filter(m -> m.facts().hasMoe()).toList();

    assertThat(moe).hasSizeGreaterThanOrEqualTo(8);
    assertThat(moe)
        .allSatisfy(
            m ->
                assertThat(m.facts().parameters().active())
                    .as(m.id())
                    .isLessThan(m.facts().parameters().total()));
  }

  @Test
  void catalogCoversTheFamiliesPeopleAskFor() {
    assertThat(CATALOG.all().stream().map(CatalogModel::family).distinct())
        .contains("llama", "qwen", "mistral", "gemma", "phi", "deepseek", "gpt-oss");
  }

  @Test
  void lookupIgnoresCase() {
    CatalogMatch match = CATALOG.lookup("META-LLAMA/llama-3.1-8b-instruct").orElseThrow();

    assertThat(match.model().id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(match.matchedId()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.EXACT);
    assertThat(match.strippedSuffixes()).isEmpty();
  }

  @Test
  void lookupFindsRenamedRepositoriesByAlias() {
    CatalogMatch match = CATALOG.lookup("meta-llama/Meta-Llama-3.1-8B-Instruct").orElseThrow();

    assertThat(match.model().id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(match.matchedId()).isEqualTo("meta-llama/Meta-Llama-3.1-8B-Instruct");
    assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.ALIAS);
  }

  @ParameterizedTest
  @CsvSource({
    "Qwen/Qwen2.5-7B-Instruct-GGUF, Qwen/Qwen2.5-7B-Instruct, -GGUF",
    "Qwen/Qwen2.5-7B-Instruct-AWQ, Qwen/Qwen2.5-7B-Instruct, -AWQ",
    "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4, Qwen/Qwen2.5-7B-Instruct, -GPTQ-Int4",
    "Qwen/Qwen3-8B-FP8, Qwen/Qwen3-8B, -FP8",
    "meta-llama/Llama-3.1-8B-Instruct-bnb-4bit, meta-llama/Llama-3.1-8B-Instruct, -bnb-4bit",
    "Qwen/Qwen3-8B-MLX-4bit, Qwen/Qwen3-8B, -MLX-4bit",
    "qwen/qwen3-30b-a3b-gguf, Qwen/Qwen3-30B-A3B, -gguf"
  })
  void lookupStripsMirrorSuffixes(String requested, String expected, String suffix) {
    CatalogMatch match = CATALOG.lookup(requested).orElseThrow();

    assertThat(match.model().id()).isEqualTo(expected);
    assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.MIRROR_SUFFIX_STRIPPED);
    assertThat(match.strippedSuffixes()).containsExactly(suffix);
    assertThat(match.requested()).isEqualTo(requested);
  }

  @ParameterizedTest
  @CsvSource({
    "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF, meta-llama/Llama-3.1-8B-Instruct,"
        + " meta-llama/Meta-Llama-3.1-8B-Instruct",
    "unsloth/Llama-3.2-3B-Instruct-bnb-4bit, meta-llama/Llama-3.2-3B-Instruct,"
        + " meta-llama/Llama-3.2-3B-Instruct",
    "mlx-community/Qwen2.5-7B-Instruct-4bit, Qwen/Qwen2.5-7B-Instruct, Qwen/Qwen2.5-7B-Instruct",
    "hf.co/bartowski/gemma-2-9b-it-GGUF:Q4_K_M, google/gemma-2-9b-it, google/gemma-2-9b-it",
    "RedHatAI/Meta-Llama-3.1-70B-Instruct-quantized.w4a16, meta-llama/Llama-3.1-70B-Instruct,"
        + " meta-llama/Meta-Llama-3.1-70B-Instruct",
    "gpt-oss-120b, openai/gpt-oss-120b, openai/gpt-oss-120b"
  })
  void lookupFindsOtherOrganisationsMirrorsByName(String requested, String expected, String via) {
    CatalogMatch match = CATALOG.lookup(requested).orElseThrow();

    assertThat(match.model().id()).isEqualTo(expected);
    assertThat(match.matchedId()).isEqualTo(via);
    assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.NAME_ONLY);
  }

  @Test
  void lookupAcceptsHubUrls() {
    CatalogMatch match = CATALOG.lookup("https://huggingface.co/Qwen/Qwen3-8B/").orElseThrow();

    assertThat(match.model().id()).isEqualTo("Qwen/Qwen3-8B");
    assertThat(match.kind()).isEqualTo(CatalogMatch.Kind.EXACT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "someone/unknown-model", "unknown-model-GGUF", "-GGUF"})
  void unknownIdsFindNothing(String id) {
    assertThat(CATALOG.lookup(id)).isEmpty();
  }

  @Test
  void malformedJsonGivesAnEmptyCatalogWithAWarning() {
    ModelCatalog catalog = ModelCatalog.fromJson(json("{ not json"));

    assertThat(catalog.all()).isEmpty();
    assertThat(catalog.warnings()).singleElement().asString().contains("not valid JSON");
    assertThat(catalog.lookup("Qwen/Qwen3-8B")).isEmpty();
  }

  @Test
  void missingInputOrWrongSchemaGivesAnEmptyCatalogWithAWarning() {
    assertThat(ModelCatalog.fromJson(null).warnings())
        .singleElement()
        .asString()
        .contains("missing");
    assertThat(ModelCatalog.fromJson(json("[]")).warnings())
        .singleElement()
        .asString()
        .contains("not a JSON object");
    assertThat(ModelCatalog.fromJson(json("{\"schemaVersion\": 2, \"models\": []}")).warnings())
        .singleElement()
        .asString()
        .contains("schemaVersion 2");
    assertThat(ModelCatalog.fromJson(json("{\"schemaVersion\": 1}")).warnings())
        .singleElement()
        .asString()
        .contains("\"models\"");
  }

  @Test
  void badEntriesAreSkippedWithWarningsAndGoodOnesKept() {
    String good =
        """
        {"id": "org/good", "license": "mit", "gated": false,
         "source": "https://huggingface.co/org/good/blob/main/config.json",
         "config": {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
                    "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100,
                    "max_position_embeddings": 4096}}
        """;
    String noSource =
        good.replace("\"source\": \"https://huggingface.co/org/good/blob/main/config.json\",", "")
            .replace("org/good", "org/no-source");
    String brokenConfig =
        good.replace("\"hidden_size\": 64,", "").replace("org/good", "org/broken");
    String noGated = good.replace("\"gated\": false,", "").replace("org/good", "org/no-gated");
    String duplicate = good;
    ModelCatalog catalog =
        ModelCatalog.fromJson(
            json(
                "{\"schemaVersion\": 1, \"models\": ["
                    + String.join(",", good, noSource, brokenConfig, noGated, duplicate, "42")
                    + "]}"));

    assertThat(catalog.all()).extracting(CatalogModel::id).containsExactly("org/good");
    assertThat(catalog.all().get(0).contextLength()).isEqualTo(4096);
    assertThat(catalog.warnings())
        .hasSize(5)
        .anyMatch(w -> w.contains("org/no-source") && w.contains("source"))
        .anyMatch(w -> w.contains("org/broken") && w.contains("hidden_size"))
        .anyMatch(w -> w.contains("org/no-gated") && w.contains("gated"))
        .anyMatch(w -> w.contains("listed twice"))
        .anyMatch(w -> w.contains("#5"));
  }

  @Test
  void repoIdsStripOnlyMirrorSuffixes() {
    assertThat(RepoIds.withoutMirrorSuffixes("org/Model-7B-Instruct-AWQ-GGUF"))
        .isEqualTo(new RepoIds.Stripped("org/Model-7B-Instruct", List.of("-GGUF", "-AWQ")));
    assertThat(RepoIds.withoutMirrorSuffixes("openai/gpt-oss-20b").suffixes()).isEmpty();
    assertThat(RepoIds.withoutMirrorSuffixes("Qwen/Qwen3-30B-A3B").suffixes()).isEmpty();
    assertThat(RepoIds.canonical(" hf.co/org/Model-GGUF:Q8_0 ")).isEqualTo("org/Model-GGUF");
    assertThat(RepoIds.name("org/Model")).isEqualTo("Model");
    assertThat(RepoIds.name("Model")).isEqualTo("Model");
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
