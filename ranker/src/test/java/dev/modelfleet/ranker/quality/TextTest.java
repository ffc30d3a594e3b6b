package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void longSourcesKeepTheirSiteAndDocument() {
    assertThat(
            Text.source(
                "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md"))
        .isEqualTo("github.com/.../llama3_1/MODEL_CARD.md");
    assertThat(Text.source("https://www.qwenlm.github.io/blog/qwen2.5-llm/"))
        .isEqualTo("qwenlm.github.io/blog/qwen2.5-llm");
    assertThat(Text.source("EvalRun fleet/mmlu-pro-nightly"))
        .isEqualTo("EvalRun fleet/mmlu-pro-nightly");
    assertThat(Text.source(null)).isEqualTo("an unnamed source");
  }

  @Test
  void numbersAreFormattedTheSameEverywhere() {
    assertThat(Text.score(64.666)).isEqualTo("64.7");
    assertThat(Text.weight(0.7666)).isEqualTo("0.77");
    assertThat(Text.published(1175.0)).isEqualTo("1175");
    assertThat(Text.published(48.3)).isEqualTo("48.3");
    assertThat(Text.count(1, "day")).isEqualTo("1 day");
    assertThat(Text.count(3, "day")).isEqualTo("3 days");
  }
}
