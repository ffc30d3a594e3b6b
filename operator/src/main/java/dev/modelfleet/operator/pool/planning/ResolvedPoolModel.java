package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.model.ModelFacts;
import java.util.List;

/**
 * A pool model with what placement needs to know about it: its architecture, the engine that serves
 * it, and where its facts came from; or why it cannot be placed at all.
 *
 * @param spec the model as the pool declares it
 * @param facts the architecture; null when the model is rejected
 * @param engine the engine, {@code auto} resolved
 * @param sources provenance of the facts used, one per fact
 * @param rejection why the model cannot be placed (unknown, not allowed), or null
 */
public record ResolvedPoolModel(
    PoolModel spec,
    ModelFacts facts,
    Engine engine,
    List<FactSource> sources,
    Rejection rejection) {

  /** Copies the sources. */
  public ResolvedPoolModel {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** A model that cannot be placed, and why. */
  public static ResolvedPoolModel rejected(PoolModel spec, Rejection rejection) {
    return new ResolvedPoolModel(spec, null, null, List.of(), rejection);
  }

  /** Whether placement may consider the model. */
  public boolean placeable() {
    return rejection == null && facts != null;
  }

  /** The model's name in the pool. */
  public String name() {
    return spec.getName();
  }

  /**
   * Why a model is Unfit before any hardware is looked at.
   *
   * @param reason CamelCase, e.g. NotAllowed, UnknownModel
   * @param message what is wrong and what to change
   */
  public record Rejection(String reason, String message) {}

  /**
   * One fact placement used and where it came from.
   *
   * @param name e.g. parametersB, layers, maxContextLength
   * @param value the value as text
   * @param source catalog, snapshot, hub, registry or override
   */
  public record FactSource(String name, String value, String source) {}
}
