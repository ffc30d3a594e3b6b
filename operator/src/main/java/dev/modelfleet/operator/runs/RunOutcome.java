package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, with the reason and message its conditions carry: Ready is True only when it
 * succeeded, Running only while it runs, Failed only when it failed.
 *
 * @param phase Pending, Running, Succeeded or Failed; null when the spec is invalid
 * @param reason CamelCase, e.g. JobRunning, TargetNotReady, JobTimedOut
 * @param message what a person should know
 */
public record RunOutcome(RunPhase phase, String reason, String message) {

  public static RunOutcome pending(String reason, String message) {
    return new RunOutcome(RunPhase.Pending, reason, message);
  }

  public static RunOutcome running(String reason, String message) {
    return new RunOutcome(RunPhase.Running, reason, message);
  }

  public static RunOutcome succeeded(String reason, String message) {
    return new RunOutcome(RunPhase.Succeeded, reason, message);
  }

  public static RunOutcome failed(String reason, String message) {
    return new RunOutcome(RunPhase.Failed, reason, message);
  }

  /** An invalid spec: no phase, no Job, SpecValid=False. */
  public static RunOutcome invalidSpec(String message) {
    return new RunOutcome(null, "InvalidSpec", message);
  }

  public boolean terminal() {
    return phase == RunPhase.Succeeded || phase == RunPhase.Failed;
  }

  /** Ready, Running, Failed and SpecValid, plus any warning. */
  public List<Condition> conditions(Condition warning) {
    List<Condition> conditions = new ArrayList<>();
    boolean invalid = phase == null;
    conditions.add(condition(ConditionTypes.READY, phase == RunPhase.Succeeded));
    conditions.add(condition(RunConditionTypes.RUNNING, phase == RunPhase.Running));
    conditions.add(condition(RunConditionTypes.FAILED, phase == RunPhase.Failed || invalid));
    conditions.add(
        invalid
            ? condition(ConditionTypes.SPEC_VALID, false)
            : new ConditionBuilder()
                .withType(ConditionTypes.SPEC_VALID)
                .withStatus("True")
                .withReason("Valid")
                .withMessage("The spec is valid.")
                .build());
    if (warning != null) {
      conditions.add(warning);
    }
    return conditions;
  }

  private Condition condition(String type, boolean status) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
