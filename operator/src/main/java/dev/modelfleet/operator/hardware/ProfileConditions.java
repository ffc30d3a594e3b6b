package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Optional;

/** The Ready and Warning conditions of a HardwareProfile, without timestamps. */
final class ProfileConditions {
  static final String NODES_MATCHED = "NodesMatched";
  static final String NO_MATCHING_NODES = "NoMatchingNodes";
  static final String NO_NODE_SELECTOR = "NoNodeSelector";
  static final String NO_WARNINGS = "NoWarnings";

  private ProfileConditions() {}

  static List<Condition> of(Condition ready, Optional<ProfileWarning> warning) {
    Condition warn =
        warning
            .map(w -> condition(ConditionTypes.WARNING, "True", w.reason(), w.message()))
            .orElseGet(
                () ->
                    condition(
                        ConditionTypes.WARNING, "False", NO_WARNINGS, "GPU facts are known."));
    return List.of(ready, warn);
  }

  static Condition ready(String reason, String message) {
    return condition(ConditionTypes.READY, "True", reason, message);
  }

  static Condition notReady(String reason, String message) {
    return condition(ConditionTypes.READY, "False", reason, message);
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
