package dev.modelfleet.ranker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigJsonParserTest {

  @ParameterizedTest
  @CsvSource({
    "Llama-3.1-8B-Instruct, LlamaForCausalLM, llama, 32",
    "Qwen2.5-7B-Instruct, Qwen2ForCausalLM, qwen, 28",
    "Qwen3-32B, Qwen3ForCausalLM, qwen, 64",
    "Qwen3-30B-A3B, Qwen3MoeForCausalLM, qwen, 48",
    "Qwen3-Next-80B-A3B-Instruct, Qwen3NextForCausalLM, qwen, 48",
    "Mistral-7B-Instruct-v0.3, MistralForCausalLM, mistral, 32",
    "Mixtral-8x7B-v0.1, MixtralForCausalLM, mistral, 32",
    "gemma-2-9b, Gemma2ForCausalLM, gemma, 42",
    "gemma-3-27b-it, Gemma3ForConditionalGeneration, gemma, 62",
    "Phi-3.5-mini-instruct, Phi3ForCausalLM, phi, 32",
    "phi-4, Phi3ForCausalLM, phi, 40",
    "DeepSeek-V3, DeepseekV3ForCausalLM, deepseek, 61",
    "gpt-oss-20b, GptOssForCausalLM, gpt-oss, 24",
    "c4ai-command-r-v01, CohereForCausalLM, command-r, 40",
    "falcon-40b, RWForCausalLM, falcon, 60",
    "Jamba-v0.1, JambaForCausalLM, jamba, 32"
  })
  void everyStoredConfigParses(String name, String architecture, String family, int layers) {
    ModelFacts facts = Configs.facts(name);

    assertThat(facts.id()).isEqualTo(name);
    assertThat(facts.architecture()).isEqualTo(architecture);
    assertThat(facts.family()).isEqualTo(family);
    assertThat(facts.numLayers()).isEqualTo(layers);
    assertThat(facts.attention().layers()).hasSize(layers);
    assertThat(facts.hiddenSize()).isPositive();
    assertThat(facts.numAttentionHeads()).isPositive();
    assertThat(facts.numKeyValueHeads())
        .isPositive()
        .isLessThanOrEqualTo(facts.numAttentionHeads());
    assertThat(facts.headDim()).isPositive();
    assertThat(facts.intermediateSize()).isPositive();
    assertThat(facts.vocabSize()).isPositive();
    assertThat(facts.maxPositionEmbeddings()).isPositive();
    assertThat(facts.parameters().source()).isEqualTo(ParameterSource.COMPUTED);
    assertThat(facts.parameters().active())
        .isPositive()
        .isLessThanOrEqualTo(facts.parameters().total());
  }

  @Test
  void llamaIsDenseGroupedQueryAttentionOverTheWholeContext() {
    ModelFacts llama = Configs.facts("Llama-3.1-8B-Instruct");

    assertThat(llama.hiddenSize()).isEqualTo(4096);
    assertThat(llama.numAttentionHeads()).isEqualTo(32);
    assertThat(llama.numKeyValueHeads()).isEqualTo(8);
    assertThat(llama.headDim()).isEqualTo(128);
    assertThat(llama.intermediateSize()).isEqualTo(14336);
    assertThat(llama.vocabSize()).isEqualTo(128256);
    assertThat(llama.maxPositionEmbeddings()).isEqualTo(131072);
    assertThat(llama.tieWordEmbeddings()).isFalse();
    assertThat(llama.hasMoe()).isFalse();
    assertThat(llama.hasMla()).isFalse();
    assertThat(llama.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(32);
    assertThat(llama.block()).isEqualTo(BlockDetails.llamaStyle());
    assertThat(llama.notes()).isEmpty();
  }

  @Test
  void qwen2HasBiasedQkvAndIgnoresItsWindowUnlessSwitchedOn() {
    ModelFacts qwen = Configs.facts("Qwen2.5-7B-Instruct");

    assertThat(qwen.block().qkvBias()).isTrue();
    assertThat(qwen.block().outputBias()).isFalse();
    assertThat(qwen.numKeyValueHeads()).isEqualTo(4);
    assertThat(qwen.headDim()).isEqualTo(128);
    // sliding_window 131072 is set, but use_sliding_window is false.
    assertThat(qwen.attention().hasNonFullLayers()).isFalse();
  }

  @Test
  void qwen2SlidesFromMaxWindowLayersOnWhenSwitchedOn() throws Exception {
    ModelFacts facts =
        ConfigJsonParser.parse(
            "test/qwen2-window",
            """
            {"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864,
             "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2,
             "vocab_size": 151936, "max_position_embeddings": 32768,
             "use_sliding_window": true, "sliding_window": 4096, "max_window_layers": 21}
            """);

    assertThat(facts.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(21);
    assertThat(facts.attention().count(LayerKind.SLIDING_ATTENTION)).isEqualTo(3);
    assertThat(facts.attention().layers().get(21)).isEqualTo(LayerKind.SLIDING_ATTENTION);
    assertThat(facts.attention().slidingWindow()).isEqualTo(4096);
  }

  @Test
  void mistralWithAWindowSlidesInEveryLayerAndV03HasNone() throws Exception {
    ModelFacts v01 =
        ConfigJsonParser.parse(
            "mistralai/Mistral-7B-v0.1",
            """
            {"architectures": ["MistralForCausalLM"], "model_type": "mistral",
             "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 32000,
             "max_position_embeddings": 32768, "sliding_window": 4096}
            """);
    ModelFacts v03 = Configs.facts("Mistral-7B-Instruct-v0.3");

    assertThat(v01.attention().count(LayerKind.SLIDING_ATTENTION)).isEqualTo(32);
    assertThat(v01.attention().slidingWindow()).isEqualTo(4096);
    assertThat(v03.attention().hasNonFullLayers()).isFalse();
    assertThat(v03.vocabSize()).isEqualTo(32768);
  }

  @Test
  void gemma2AlternatesSlidingAndGlobalLayers() {
    ModelFacts gemma = Configs.facts("gemma-2-9b");

    assertThat(gemma.headDim()).isEqualTo(256);
    assertThat(gemma.tieWordEmbeddings()).isTrue(); // not in the file: Gemma2Config's default
    assertThat(gemma.block().normsPerLayer()).isEqualTo(4);
    assertThat(gemma.attention().layers().subList(0, 4))
        .containsExactly(
            LayerKind.SLIDING_ATTENTION,
            LayerKind.FULL_ATTENTION,
            LayerKind.SLIDING_ATTENTION,
            LayerKind.FULL_ATTENTION);
    assertThat(gemma.attention().count(LayerKind.SLIDING_ATTENTION)).isEqualTo(21);
    assertThat(gemma.attention().slidingWindow()).isEqualTo(4096);
  }

  @Test
  void gemma3ReadsTextConfigAndFillsTheDefaultsItLeavesOut() {
    ModelFacts gemma = Configs.facts("gemma-3-27b-it");

    assertThat(gemma.modelType()).isEqualTo("gemma3_text");
    assertThat(gemma.hiddenSize()).isEqualTo(5376);
    assertThat(gemma.headDim()).isEqualTo(128);
    assertThat(gemma.numKeyValueHeads()).isEqualTo(16);
    assertThat(gemma.vocabSize()).isEqualTo(262208);
    assertThat(gemma.maxPositionEmbeddings()).isEqualTo(131072);
    assertThat(gemma.tieWordEmbeddings()).isTrue();
    assertThat(gemma.block().qkNorm()).isTrue();
    // 5 sliding layers to 1 global: layers 5, 11, ..., 59 are global.
    assertThat(gemma.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(10);
    assertThat(gemma.attention().count(LayerKind.SLIDING_ATTENTION)).isEqualTo(52);
    assertThat(gemma.attention().layers().get(5)).isEqualTo(LayerKind.FULL_ATTENTION);
    assertThat(gemma.attention().slidingWindow()).isEqualTo(1024);
    assertThat(gemma.notes())
        .anyMatch(n -> n.contains("text_config"))
        .anyMatch(n -> n.contains("vocab_size") && n.contains("262208"))
        .anyMatch(n -> n.contains("max_position_embeddings") && n.contains("131072"))
        .anyMatch(n -> n.contains("sliding_window_pattern"));
  }

  @Test
  void phi35WindowBeyondItsContextIsFullAttention() {
    ModelFacts phi = Configs.facts("Phi-3.5-mini-instruct");

    assertThat(phi.attention().hasNonFullLayers()).isFalse();
    assertThat(phi.numKeyValueHeads()).isEqualTo(32);
    assertThat(phi.notes()).anyMatch(n -> n.contains("262144"));
  }

  @Test
  void mixtralExpertsUseTheFullIntermediateSize() {
    ModelFacts mixtral = Configs.facts("Mixtral-8x7B-v0.1");

    assertThat(mixtral.moe().numExperts()).isEqualTo(8);
    assertThat(mixtral.moe().numExpertsPerToken()).isEqualTo(2);
    assertThat(mixtral.moe().expertIntermediateSize()).isEqualTo(14336);
    assertThat(mixtral.moe().numSharedExperts()).isZero();
    assertThat(mixtral.moe().denseLayers()).isEmpty();
  }

  @Test
  void qwen3MoeReadsNumExpertsAndMoeIntermediateSize() {
    ModelFacts qwen = Configs.facts("Qwen3-30B-A3B");

    assertThat(qwen.moe().numExperts()).isEqualTo(128);
    assertThat(qwen.moe().numExpertsPerToken()).isEqualTo(8);
    assertThat(qwen.moe().expertIntermediateSize()).isEqualTo(768);
    assertThat(qwen.headDim()).isEqualTo(128);
    assertThat(qwen.block().qkNorm()).isTrue();
  }

  @Test
  void deepSeekV3ReadsRoutedAndSharedExpertsDenseLayersAndMla() {
    ModelFacts ds = Configs.facts("DeepSeek-V3");

    assertThat(ds.moe().numExperts()).isEqualTo(256); // n_routed_experts
    assertThat(ds.moe().numSharedExperts()).isEqualTo(1);
    assertThat(ds.moe().sharedExpertIntermediateSize()).isEqualTo(2048);
    assertThat(ds.moe().firstKDenseLayers()).isEqualTo(3);
    assertThat(ds.moe().denseLayers()).containsExactly(0, 1, 2);
    assertThat(ds.moe().routerBias()).isTrue(); // noaux_tc score correction bias
    assertThat(ds.mla()).isEqualTo(new MlaFacts(1536, 512, 128, 64, 128));
    assertThat(ds.mla().cachedElementsPerToken()).isEqualTo(576);
    assertThat(ds.headDim()).isEqualTo(192);
  }

  @Test
  void gptOssReadsLayerTypesSinksAndBiasedExperts() {
    ModelFacts oss = Configs.facts("gpt-oss-20b");

    assertThat(oss.moe().numExperts()).isEqualTo(32); // num_local_experts
    assertThat(oss.moe().numExpertsPerToken()).isEqualTo(4);
    assertThat(oss.moe().expertBias()).isTrue();
    assertThat(oss.block().attentionSinks()).isTrue();
    assertThat(oss.block().qkvBias()).isTrue();
    assertThat(oss.attention().count(LayerKind.SLIDING_ATTENTION)).isEqualTo(12);
    assertThat(oss.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(12);
    assertThat(oss.attention().slidingWindow()).isEqualTo(128);
  }

  @Test
  void qwen3NextMixesLinearAndFullAttention() {
    ModelFacts next = Configs.facts("Qwen3-Next-80B-A3B-Instruct");

    assertThat(next.attention().count(LayerKind.LINEAR_ATTENTION)).isEqualTo(36);
    assertThat(next.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(12);
    assertThat(next.linearAttention()).isEqualTo(new LinearAttentionFacts(16, 32, 128, 128, 4));
    assertThat(next.moe().numExperts()).isEqualTo(512);
    assertThat(next.moe().numSharedExperts()).isEqualTo(1);
    assertThat(next.moe().sharedExpertIntermediateSize()).isEqualTo(512);
    assertThat(next.block().attentionOutputGate()).isTrue();
  }

  @Test
  void jambaPlacesAttentionAndExpertsByPeriodAndOffset() {
    ModelFacts jamba = Configs.facts("Jamba-v0.1");

    assertThat(jamba.attention().count(LayerKind.FULL_ATTENTION)).isEqualTo(4);
    assertThat(jamba.attention().count(LayerKind.MAMBA)).isEqualTo(28);
    assertThat(jamba.attention().layers().get(4)).isEqualTo(LayerKind.FULL_ATTENTION);
    assertThat(jamba.mamba()).isEqualTo(new MambaFacts(8192, 16, 4, 256, true, false));
    assertThat(jamba.moe().numExperts()).isEqualTo(16);
    assertThat(jamba.moe().routesLayer(1)).isTrue();
    assertThat(jamba.moe().routesLayer(2)).isFalse();
    assertThat(jamba.moe().denseLayers()).hasSize(16);
  }

  @Test
  void falconReadsNHeadNLayerAndItsUngatedMlp() {
    ModelFacts falcon = Configs.facts("falcon-40b");

    assertThat(falcon.numAttentionHeads()).isEqualTo(128); // n_head
    assertThat(falcon.numKeyValueHeads()).isEqualTo(8); // n_head_kv
    assertThat(falcon.numLayers()).isEqualTo(60); // n_layer
    assertThat(falcon.headDim()).isEqualTo(64);
    assertThat(falcon.block().gatedMlp()).isFalse();
    assertThat(falcon.intermediateSize()).isEqualTo(4 * 8192);
    assertThat(falcon.tieWordEmbeddings()).isTrue();
    assertThat(falcon.maxPositionEmbeddings()).isEqualTo(2048);
    assertThat(falcon.notes()).anyMatch(n -> n.contains("2048"));
  }

  @Test
  void falcon7bMultiQueryHasOneKeyValueHead() throws Exception {
    ModelFacts falcon =
        ConfigJsonParser.parse(
            "tiiuae/falcon-7b",
            """
            {"architectures": ["FalconForCausalLM"], "model_type": "falcon", "bias": false,
             "hidden_size": 4544, "multi_query": true, "new_decoder_architecture": false,
             "num_attention_heads": 71, "num_hidden_layers": 32, "parallel_attn": true,
             "vocab_size": 65024}
            """);

    assertThat(falcon.numKeyValueHeads()).isEqualTo(1);
    assertThat(falcon.headDim()).isEqualTo(64);
    assertThat(falcon.block().normsPerLayer()).isEqualTo(1);
  }

  @Test
  void commandRTiesEmbeddingsByDefaultAndSharesOneNorm() {
    ModelFacts commandR = Configs.facts("c4ai-command-r-v01");

    assertThat(commandR.tieWordEmbeddings()).isTrue();
    assertThat(commandR.block().normsPerLayer()).isEqualTo(1);
    assertThat(commandR.numKeyValueHeads()).isEqualTo(64);
  }

  @Test
  void missingRequiredFieldIsNamedWithTheAlternativesTried() {
    assertThatThrownBy(
            () ->
                ConfigJsonParser.parse(
                    "x/y", "{\"model_type\": \"llama\", \"num_hidden_layers\": 2}"))
        .isInstanceOfSatisfying(
            ConfigJsonException.class,
            e -> {
              assertThat(e.field()).isEqualTo("hidden_size");
              assertThat(e.getMessage()).contains("hidden_size").contains("n_embd");
            });
  }

  @Test
  void gatedMlpWithoutIntermediateSizeIsAnError() {
    assertThatThrownBy(
            () ->
                ConfigJsonParser.parse(
                    "x/y",
                    """
                    {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
                     "num_attention_heads": 4, "vocab_size": 100}
                    """))
        .isInstanceOfSatisfying(
            ConfigJsonException.class, e -> assertThat(e.field()).isEqualTo("intermediate_size"));
  }

  @Test
  void deepSeekWithoutItsLatentRankIsAnError() {
    assertThatThrownBy(
            () ->
                ConfigJsonParser.parse(
                    "x/y",
                    """
                    {"model_type": "deepseek_v3", "hidden_size": 64, "num_hidden_layers": 2,
                     "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100}
                    """))
        .isInstanceOfSatisfying(
            ConfigJsonException.class, e -> assertThat(e.field()).isEqualTo("kv_lora_rank"));
  }

  @Test
  void wrongTypesAndValuesNameTheField() {
    String base =
        "\"model_type\": \"llama\", \"hidden_size\": 64, \"num_attention_heads\": 4,"
            + " \"intermediate_size\": 128, \"vocab_size\": 100";
    assertThatThrownBy(
            () -> ConfigJsonParser.parse("x/y", "{" + base + ", \"num_hidden_layers\": \"2\"}"))
        .isInstanceOfSatisfying(
            ConfigJsonException.class,
            e -> {
              assertThat(e.field()).isEqualTo("num_hidden_layers");
              assertThat(e.getMessage()).contains("whole number");
            });
    assertThatThrownBy(
            () -> ConfigJsonParser.parse("x/y", "{" + base + ", \"num_hidden_layers\": 0}"))
        .isInstanceOfSatisfying(
            ConfigJsonException.class, e -> assertThat(e.getMessage()).contains("positive"));
    assertThatThrownBy(
            () ->
                ConfigJsonParser.parse(
                    "x/y",
                    "{" + base + ", \"num_hidden_layers\": 2, \"tie_word_embeddings\": \"maybe\"}"))
        .isInstanceOfSatisfying(
            ConfigJsonException.class, e -> assertThat(e.field()).isEqualTo("tie_word_embeddings"));
    assertThatThrownBy(
            () ->
                ConfigJsonParser.parse(
                    "x/y",
                    "{"
                        + base
                        + ", \"num_hidden_layers\": 2, \"layer_types\": [\"full_attention\"]}"))
        .isInstanceOfSatisfying(
            ConfigJsonException.class, e -> assertThat(e.field()).isEqualTo("layer_types"));
  }

  @Test
  void unreadableDocumentsAreErrorsNotCrashes() {
    for (String bad : new String[] {"{not json", "[1, 2]", "", "null"}) {
      assertThatThrownBy(() -> ConfigJsonParser.parse("x/y", bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ConfigJsonException.class,
              e -> {
                assertThat(e.field()).isEqualTo("(document)");
                assertThat(e.getMessage()).doesNotContain("\n"); // one line for the CLI
              });
    }
    assertThatThrownBy(() -> ConfigJsonParser.parse("x/y", (String) null))
        .isInstanceOf(ConfigJsonException.class);
    assertThatThrownBy(() -> ConfigJsonParser.parse("x/y", (java.io.InputStream) null))
        .isInstanceOf(ConfigJsonException.class);
  }

  @Test
  void readsAFileAndNamesOneItCannotRead(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        """
        {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
         "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100}
        """);

    assertThat(ConfigJsonParser.parse("x/y", config).hiddenSize()).isEqualTo(64);
    assertThatThrownBy(() -> ConfigJsonParser.parse("x/y", dir.resolve("absent.json")))
        .isInstanceOfSatisfying(
            ConfigJsonException.class,
            e -> assertThat(e.getMessage()).contains("cannot read").contains("absent.json"));
  }

  @Test
  void unknownArchitectureIsReadAsLlamaStyleWithANote() throws Exception {
    ModelFacts facts =
        ConfigJsonParser.parse(
            null,
            """
            {"_name_or_path": "someone/new-model", "architectures": ["NewForCausalLM"],
             "model_type": "brand_new", "hidden_size": 64, "num_hidden_layers": 2,
             "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100}
            """);

    assertThat(facts.id()).isEqualTo("someone/new-model");
    assertThat(facts.family()).isEqualTo("brand_new");
    assertThat(facts.block().gatedMlp()).isTrue();
    assertThat(facts.notes()).anyMatch(n -> n.contains("brand_new"));
    assertThat(facts.notes()).anyMatch(n -> n.contains("no context length"));
  }

  @Test
  void nullFieldsCountAsAbsent() throws Exception {
    ModelFacts facts =
        ConfigJsonParser.parse(
            "x/y",
            """
            {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
             "num_attention_heads": 4, "num_key_value_heads": null, "head_dim": null,
             "intermediate_size": 128, "vocab_size": 100, "sliding_window": null}
            """);

    assertThat(facts.numKeyValueHeads()).isEqualTo(4);
    assertThat(facts.headDim()).isEqualTo(16);
    assertThat(facts.attention().layers()).containsOnly(LayerKind.FULL_ATTENTION);
    assertThat(facts.notes()).noneMatch(n -> n.contains("sliding"));
  }
}
