package dev.modelfleet.operator.registry;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Under {@code unknownModels: warn}, a pool that serves models no registry source knows says so:
 * one {@code Warning} condition listing them, and one Event per model when it first appears there
 * (not on every reconcile). A pool with no such model has no Warning condition.
 */
public final class UnknownModelWarnings {
  /** The Event reason, one per newly warned model. */
  public static final String EVENT_REASON = "UnknownModel";

  /** The Warning condition's reason. */
  public static final String CONDITION_REASON = "UnknownModels";

  private UnknownModelWarnings() {}

  /**
   * Adds the Warning condition to {@code after} when any model is warned about, and records an
   * Event for each model the previous status's Warning condition did not list.
   */
  public static void apply(
      EventRecorder events,
      ModelPool pool,
      ModelPoolStatus before,
      ModelPoolStatus after,
      Map<String, String> warned,
      String now) {
    if (warned.isEmpty()) {
      return;
    }
    String previous =
        before == null
            ? ""
            : Conditions.find(before.getConditions(), ConditionTypes.WARNING)
                .map(Condition::getMessage)
                .orElse("");
    List<String> lines = new ArrayList<>();
    warned.forEach(
        (name, message) -> {
          String line = label(name) + " " + message;
          lines.add(line);
          if (!previous.contains(label(name))) {
            events.warning(pool, EVENT_REASON, "model " + name + ": " + message);
          }
        });
    Condition warning =
        new ConditionBuilder()
            .withType(ConditionTypes.WARNING)
            .withStatus("True")
            .withReason(CONDITION_REASON)
            .withMessage(
                warned.size() + " model(s) unknown to the registry: " + String.join("; ", lines))
            .build();
    List<Condition> conditions = new ArrayList<>(after.getConditions());
    conditions.addAll(
        Conditions.merge(
            before == null ? List.of() : before.getConditions(),
            List.of(warning),
            pool.getMetadata().getGeneration(),
            now));
    after.setConditions(conditions);
  }

  // Pool model names are DNS labels, so a bracketed name cannot occur inside another's message.
  private static String label(String name) {
    return "[" + name + "]";
  }
}
