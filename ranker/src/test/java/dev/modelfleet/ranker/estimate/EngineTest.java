package dev.modelfleet.ranker.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.ranker.quant.QuantizationTable;
import org.junit.jupiter.api.Test;

class EngineTest {
  @Test
  void parsesTheNamesPeopleWrite() {
    assertThat(Engine.parse("vllm")).isEqualTo(Engine.VLLM);
    assertThat(Engine.parse(" SGLang ")).isEqualTo(Engine.SGLANG);
    assertThat(Engine.parse("llama.cpp")).isEqualTo(Engine.LLAMA_CPP);
    assertThat(Engine.parse("llamacpp")).isEqualTo(Engine.LLAMA_CPP);
    assertThat(Engine.parse("Llama-CPP")).isEqualTo(Engine.LLAMA_CPP);
    assertThat(Engine.parse("ollama")).isEqualTo(Engine.OLLAMA);
    assertThat(Engine.LLAMA_CPP.label()).isEqualTo("llama.cpp");
  }

  @Test
  void anUnknownEngineSaysWhichAreKnown() {
    assertThatThrownBy(() -> Engine.parse("tgi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown engine 'tgi': use vllm, sglang, llama.cpp or ollama");
    assertThatThrownBy(() -> Engine.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultsToLlamaCppOnlyForFormatsVllmDoesNotLoad() {
    QuantizationTable table = QuantizationTable.bundled();
    assertThat(Engine.defaultFor(table.resolve("Q4_K_M").quantization()))
        .isEqualTo(Engine.LLAMA_CPP);
    assertThat(Engine.defaultFor(table.resolve("awq").quantization())).isEqualTo(Engine.VLLM);
    assertThat(Engine.defaultFor(table.resolve("bf16").quantization())).isEqualTo(Engine.VLLM);
    assertThat(Engine.defaultFor(table.resolve("mystery").quantization())).isEqualTo(Engine.VLLM);
  }
}
