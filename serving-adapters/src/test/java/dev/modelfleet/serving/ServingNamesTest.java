package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServingNamesTest {

  @Test
  void shortNamesArePoolDashModel() {
    assertThat(ServingNames.of("chat", "llama-8b")).isEqualTo("chat-llama-8b");
  }

  @Test
  void longNamesAreCutToSixtyThreeWithAStableHash() {
    String pool = "a".repeat(40);
    String model = "b".repeat(40);

    String name = ServingNames.of(pool, model);

    assertThat(name).hasSize(63).startsWith(pool + "-" + "b".repeat(13)).matches("[a-z0-9-]+");
    assertThat(ServingNames.of(pool, model)).isEqualTo(name);
    assertThat(ServingNames.of(pool, "b".repeat(39) + "c")).isNotEqualTo(name);
  }

  @Test
  void aCutNeverLeavesTwoDashesBeforeTheHash() {
    String pool = "p".repeat(53);
    String name = ServingNames.of(pool, "model-name-that-is-long");

    assertThat(name).startsWith(pool + "-").doesNotContain("--").hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void aNameStartingWithADigitGetsALetterFirst() {
    assertThat(ServingNames.of("1pool", "m")).isEqualTo("m-1pool-m");
  }

  @Test
  void exactlySixtyThreeCharactersAreKept() {
    String pool = "p".repeat(31);
    String model = "m".repeat(31);
    assertThat(ServingNames.of(pool, model)).isEqualTo(pool + "-" + model);
  }

  @Test
  void invalidPartsAreRejectedByField() {
    assertThatThrownBy(() -> ServingNames.of("Chat", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pool: 'Chat' is not a DNS label");
    assertThatThrownBy(() -> ServingNames.of("chat", null))
        .hasMessageStartingWith("model: 'null' is not a DNS label");
  }

  @Test
  void theEndpointIsTheServiceOnPort8000() {
    assertThat(ServingNames.endpoint("team-a", "chat", "llama-8b"))
        .isEqualTo("http://chat-llama-8b.team-a.svc:8000");
  }
}
