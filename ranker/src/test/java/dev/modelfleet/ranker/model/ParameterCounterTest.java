package dev.modelfleet.ranker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * Computed counts against published figures, within {@link #TOLERANCE_PERCENT}. Each figure names
 * where it was published.
 */
class ParameterCounterTest {
  private static final double TOLERANCE_PERCENT = 2.0;
  private static final double B = 1e9;

  @Test
  void llama31_8bMatchesItsSafetensorsCountExactly() {
    // 8,030,261,248: the Hub's safetensors total for meta-llama/Llama-3.1-8B-Instruct, shown as
    // "8.03B params" on https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct
    ParameterCount count = Configs.facts("Llama-3.1-8B-Instruct").parameters();

    assertThat(count.total()).isEqualTo(8_030_261_248d);
    assertThat(count.active()).isEqualTo(count.total());
    assertThat(count.totalBillions()).isCloseTo(8.03, within(0.005));
  }

  @Test
  void qwen25_7bMatchesItsSafetensorsCountExactly() {
    // 7,615,616,512: the Hub's safetensors total for Qwen/Qwen2.5-7B-Instruct; the model card's
    // "Number of Parameters: 7.61B" (https://huggingface.co/Qwen/Qwen2.5-7B-Instruct).
    ParameterCount count = Configs.facts("Qwen2.5-7B-Instruct").parameters();

    assertThat(count.total()).isEqualTo(7_615_616_512d);
    assertThat(count.totalBillions()).isCloseTo(7.62, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void mixtral8x7b() {
    // "Mixtral has 46.7B total parameters but only uses 12.9B parameters per token"
    // https://mistral.ai/news/mixtral-of-experts
    ParameterCount count = Configs.facts("Mixtral-8x7B-v0.1").parameters();

    assertThat(count.total()).isCloseTo(46.7 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.active()).isCloseTo(12.9 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void qwen3_30bA3b() {
    // "Number of Parameters: 30.5B in total and 3.3B activated"
    // https://huggingface.co/Qwen/Qwen3-30B-A3B
    ParameterCount count = Configs.facts("Qwen3-30B-A3B").parameters();

    assertThat(count.total()).isCloseTo(30.5 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.active()).isCloseTo(3.3 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void deepSeekV3() {
    // "671B total parameters with 37B activated for each token": DeepSeek-V3 Technical Report,
    // abstract, https://arxiv.org/abs/2412.19437. The repository's README_WEIGHTS.md counts
    // without the input embedding: "Activation parameters: 36.6B (including 0.9B for the output
    // Head)", https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md
    ParameterCount count = Configs.facts("DeepSeek-V3").parameters();

    assertThat(count.total()).isCloseTo(671 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.active()).isCloseTo(37 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.activeReadPerToken()).isCloseTo(36.6 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void gemma2_9b() {
    // "9.24B params": the Hub's safetensors total, https://huggingface.co/google/gemma-2-9b
    ParameterCount count = Configs.facts("gemma-2-9b").parameters();

    assertThat(count.total()).isCloseTo(9.24 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.embeddingLookupOnly()).isZero(); // tied: the table is the output head too
  }

  @Test
  void gptOss20b() {
    // gpt-oss-20b: 20.91B total, 3.61B active, where OpenAI counts active parameters without the
    // embedding table: gpt-oss model card, Table 1, https://arxiv.org/abs/2508.10925
    ParameterCount count = Configs.facts("gpt-oss-20b").parameters();

    assertThat(count.total()).isCloseTo(20.91 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.activeReadPerToken()).isCloseTo(3.61 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void phi4AndPhi35Mini() {
    // "14.7B params" and "3.82B params": the Hub's safetensors totals,
    // https://huggingface.co/microsoft/phi-4 and
    // https://huggingface.co/microsoft/Phi-3.5-mini-instruct
    assertThat(Configs.facts("phi-4").parameters().total())
        .isCloseTo(14.7 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(Configs.facts("Phi-3.5-mini-instruct").parameters().total())
        .isCloseTo(3.82 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void commandR() {
    // "a 35 billion parameter highly performant generative model"
    // https://huggingface.co/CohereLabs/c4ai-command-r-v01
    assertThat(Configs.facts("c4ai-command-r-v01").parameters().total())
        .isCloseTo(35 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void jambaCountsMambaLayersAndEveryOtherLayersExperts() {
    // "12B active parameters and a total of 52B parameters across all experts"
    // https://huggingface.co/ai21labs/Jamba-v0.1
    ParameterCount count = Configs.facts("Jamba-v0.1").parameters();

    assertThat(count.total()).isCloseTo(52 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.active()).isCloseTo(12 * B, withinPercentage(TOLERANCE_PERCENT));
  }

  @Test
  void qwen3NextCountsLinearAttentionLayers() {
    // "Number of Parameters: 80B in total and 3B activated"
    // https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct ("3B" is the rounded A3B label).
    ParameterCount count = Configs.facts("Qwen3-Next-80B-A3B-Instruct").parameters();

    assertThat(count.total()).isCloseTo(80 * B, withinPercentage(TOLERANCE_PERCENT));
    assertThat(count.active()).isLessThan(0.06 * count.total());
  }

  @Test
  void moeActiveIsBelowTotalAndDenseActiveEqualsTotal() {
    for (String moe :
        new String[] {
          "Mixtral-8x7B-v0.1",
          "Qwen3-30B-A3B",
          "DeepSeek-V3",
          "gpt-oss-20b",
          "Qwen3-Next-80B-A3B-Instruct",
          "Jamba-v0.1"
        }) {
      ParameterCount count = Configs.facts(moe).parameters();
      assertThat(count.active()).as(moe).isLessThan(count.total());
    }
    for (String dense : new String[] {"Llama-3.1-8B-Instruct", "gemma-2-9b", "falcon-40b"}) {
      ParameterCount count = Configs.facts(dense).parameters();
      assertThat(count.active()).as(dense).isEqualTo(count.total());
    }
  }

  @Test
  void breakdownAddsUpToTheCount() {
    ModelFacts ds = Configs.facts("DeepSeek-V3");
    ParameterBreakdown parts = ParameterCounter.breakdown(ds);

    assertThat(parts.total()).isEqualTo(ds.parameters().total());
    assertThat(parts.active()).isEqualTo(ds.parameters().active());
    // 58 MoE layers x 256 experts x 3 x 7168 x 2048
    assertThat(parts.routedExperts()).isEqualTo(58d * 256 * 3 * 7168 * 2048);
    assertThat(parts.activeRoutedExperts()).isEqualTo(58d * 8 * 3 * 7168 * 2048);
    assertThat(parts.denseMlp()).isEqualTo(3d * 3 * 7168 * 18432);
    assertThat(parts.outputHead()).isEqualTo(parts.embedding());
  }

  @Test
  void tiedEmbeddingsAreCountedOnce() throws Exception {
    String config =
        """
        {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
         "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 1000,
         "tie_word_embeddings": %s}
        """;
    ModelFacts tied = ConfigJsonParser.parse("x/tied", config.formatted("true"));
    ModelFacts untied = ConfigJsonParser.parse("x/untied", config.formatted("false"));

    assertThat(untied.parameters().total() - tied.parameters().total()).isEqualTo(64_000);
    assertThat(tied.parameters().embeddingLookupOnly()).isZero();
    assertThat(untied.parameters().activeReadPerToken())
        .isEqualTo(untied.parameters().active() - 64_000);
  }

  @Test
  void aGivenTotalWinsAndTheNoteKeepsTheComputedOne() {
    ModelFacts llama = Configs.facts("Llama-3.1-8B-Instruct");

    ParameterCount given = ParameterCounter.resolve(llama, 8.1 * B, null, ParameterSource.SUPPLIED);

    assertThat(given.total()).isEqualTo(8.1 * B);
    assertThat(given.active()).isEqualTo(8.1 * B);
    assertThat(given.source()).isEqualTo(ParameterSource.SUPPLIED);
    assertThat(given.note()).contains("8.03B");
    assertThat(llama.withParameters(given).parameters()).isSameAs(given);
  }

  @Test
  void aGivenTotalForMoeKeepsTheComputedActiveUnlessActiveIsGiven() {
    ModelFacts mixtral = Configs.facts("Mixtral-8x7B-v0.1");

    ParameterCount totalOnly =
        ParameterCounter.resolve(mixtral, 46.7 * B, null, ParameterSource.SAFETENSORS_METADATA);
    ParameterCount both =
        ParameterCounter.resolve(mixtral, 46.7 * B, 12.9 * B, ParameterSource.SUPPLIED);

    assertThat(totalOnly.active()).isEqualTo(mixtral.parameters().active());
    assertThat(totalOnly.note()).contains("active computed");
    assertThat(both.active()).isEqualTo(12.9 * B);
  }

  @Test
  void noGivenTotalFallsBackToTheComputedCount() {
    ModelFacts llama = Configs.facts("Llama-3.1-8B-Instruct");

    assertThat(ParameterCounter.resolve(llama, null, null, ParameterSource.SUPPLIED))
        .isEqualTo(llama.parameters());
    assertThat(ParameterCounter.resolve(llama, -1d, null, ParameterSource.SUPPLIED).source())
        .isEqualTo(ParameterSource.COMPUTED);
  }
}
