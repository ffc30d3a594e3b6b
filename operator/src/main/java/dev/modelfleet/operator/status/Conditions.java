package dev.modelfleet.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges desired conditions into current ones: a condition whose status did not change keeps its
 * lastTransitionTime, so a status that says the same thing is written the same way.
 */
public final class Conditions {
  private Conditions() {}

  public static List<Condition> merge(
      List<Condition> current, List<Condition> desired, Long generation, String now) {
    List<Condition> merged = new ArrayList<>();
    for (Condition want : desired) {
      Optional<Condition> had = find(current, want.getType());
      String since =
          had.filter(c -> Objects.equals(c.getStatus(), want.getStatus()))
              .map(Condition::getLastTransitionTime)
              .orElse(now);
      merged.add(
          new ConditionBuilder(want)
              .withObservedGeneration(generation)
              .withLastTransitionTime(since)
              .build());
    }
    return merged;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
  }

  /** True when the condition of this type turned to the given status in this change. */
  public static boolean turned(
      List<Condition> before, List<Condition> after, String type, String status) {
    boolean was = find(before, type).map(c -> status.equals(c.getStatus())).orElse(false);
    boolean is = find(after, type).map(c -> status.equals(c.getStatus())).orElse(false);
    return is && !was;
  }
}
