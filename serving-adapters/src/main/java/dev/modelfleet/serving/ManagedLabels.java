package dev.modelfleet.serving;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code app.kubernetes.io/*} labels every object ModelFleet writes carries, so people and
 * tools can tell what runs a model, what it is part of, and who manages it.
 */
public final class ManagedLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The value of {@link #MANAGED_BY} on everything the operator writes. */
  public static final String OPERATOR = "modelfleet-operator";

  private ManagedLabels() {}

  /** Labels for an object of the given component (e.g. "engine", "hardware-profile"). */
  public static Map<String, String> of(String name, String instance, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, name);
    labels.put(INSTANCE, instance);
    labels.put(COMPONENT, component);
    labels.put(PART_OF, "modelfleet");
    labels.put(MANAGED_BY, OPERATOR);
    return labels;
  }
}
