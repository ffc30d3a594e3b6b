package dev.modelfleet.serving;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels on every object rendered for a served model, and the Deployment's selector. */
public final class ServingLabels {
  /** The pool a served model belongs to. */
  public static final String POOL = "modelfleet.dev/pool";

  /** The model's name in its pool. */
  public static final String MODEL = "modelfleet.dev/model";

  /** The {@link ManagedLabels#COMPONENT} of engine workloads. */
  public static final String ENGINE_COMPONENT = "engine";

  private ServingLabels() {}

  /**
   * All labels: {@link ManagedLabels} (name = the engine, instance = the serving name, component =
   * engine) plus pool and model.
   */
  public static Map<String, String> of(ServingRequest request, String engine) {
    Map<String, String> labels =
        new LinkedHashMap<>(ManagedLabels.of(engine, request.servingName(), ENGINE_COMPONENT));
    labels.put(POOL, request.pool());
    labels.put(MODEL, request.model());
    return labels;
  }

  /**
   * The Deployment's selector: only labels that never change for a served model, so switching its
   * engine (which changes {@link ManagedLabels#NAME}) does not hit the immutable selector.
   */
  public static Map<String, String> selector(ServingRequest request) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(ManagedLabels.COMPONENT, ENGINE_COMPONENT);
    selector.put(POOL, request.pool());
    selector.put(MODEL, request.model());
    return selector;
  }
}
