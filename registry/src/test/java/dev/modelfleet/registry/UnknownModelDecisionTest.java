package dev.modelfleet.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.registry.UnknownModelDecision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownModelDecisionTest {
  private static final ResolvedModel KNOWN = model(true);
  private static final ResolvedModel UNKNOWN = model(false);

  private static ResolvedModel model(boolean known) {
    return new ResolvedModel(
        "acme/private-7b",
        "acme/private-7b",
        known,
        List.of(),
        ObjectNodes.empty(),
        List.of(),
        null,
        null,
        List.of());
  }

  @Test
  void aKnownModelIsAllowedUnderEveryPolicy() {
    for (UnknownModelPolicy policy : UnknownModelPolicy.values()) {
      UnknownModelDecision decision = UnknownModelDecision.decide(policy, false, KNOWN);
      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
      assertThat(decision.message()).isEmpty();
    }
  }

  @Test
  void anUnknownModelFollowsThePolicy() {
    assertThat(UnknownModelDecision.decide(UnknownModelPolicy.ALLOW, false, UNKNOWN).outcome())
        .isEqualTo(Outcome.ALLOW);

    UnknownModelDecision warn =
        UnknownModelDecision.decide(UnknownModelPolicy.WARN, false, UNKNOWN);
    assertThat(warn.outcome()).isEqualTo(Outcome.WARN);
    assertThat(warn.message())
        .contains("acme/private-7b")
        .contains("add it to the user registry or set overrides.parametersB/config");

    UnknownModelDecision reject =
        UnknownModelDecision.decide(UnknownModelPolicy.REJECT, false, UNKNOWN);
    assertThat(reject.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(reject.message())
        .contains("acme/private-7b")
        .contains(
            "add it to the user registry or set overrides.parametersB/config, or set"
                + " allowUnknown: true");
  }

  @Test
  void allowUnknownBypassesRejectAndWarn() {
    for (UnknownModelPolicy policy : UnknownModelPolicy.values()) {
      UnknownModelDecision decision = UnknownModelDecision.decide(policy, true, UNKNOWN);
      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
      assertThat(decision.message()).contains("allowUnknown is true");
    }
  }

  @Test
  void noPolicyMeansWarnTheCrdDefault() {
    assertThat(UnknownModelDecision.decide(null, false, UNKNOWN).outcome()).isEqualTo(Outcome.WARN);
  }
}
