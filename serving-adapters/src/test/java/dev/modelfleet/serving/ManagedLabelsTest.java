package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManagedLabelsTest {

  @Test
  void labelsNameTheObjectItsComponentAndTheOperator() {
    assertThat(ManagedLabels.of("vllm", "chat-llama", "engine"))
        .containsEntry("app.kubernetes.io/name", "vllm")
        .containsEntry("app.kubernetes.io/instance", "chat-llama")
        .containsEntry("app.kubernetes.io/component", "engine")
        .containsEntry("app.kubernetes.io/part-of", "modelfleet")
        .containsEntry("app.kubernetes.io/managed-by", "modelfleet-operator")
        .hasSize(5);
  }
}
