package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServingAdaptersTest {

  @Test
  void eachEngineHasItsAdapterWhateverTheCase() {
    assertThat(ServingAdapters.forEngine("vllm").engine()).isEqualTo("vllm");
    assertThat(ServingAdapters.forEngine("SGLang").engine()).isEqualTo("sglang");
    assertThat(ServingAdapters.forEngine(" OLLAMA ").engine()).isEqualTo("ollama");
  }

  @Test
  void anUnknownEngineIsNamedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> ServingAdapters.forEngine("tgi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tgi'")
        .hasMessageContaining("vllm, sglang, ollama");
    assertThatThrownBy(() -> ServingAdapters.forEngine("auto"))
        .hasMessageContaining("'auto'")
        .hasMessageContaining("resolved");
    assertThatThrownBy(() -> ServingAdapters.forEngine(null)).hasMessageContaining("'null'");
  }
}
