package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.model.ModelFacts;
import java.time.Instant;
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
 * @param unknownWarning for a model no registry source knows, placed under {@code unknownModels:
 *     warn}: what to add; null otherwise
 */
public record ResolvedPoolModel(
    PoolModel spec,
    ModelFacts facts,
    Engine engine,
    List<FactSource> sources,
    Rejection rejection,
    String unknownWarning) {

  /** Copies the sources. */
  public ResolvedPoolModel {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** A placeable model without an unknown-model warning. */
  public ResolvedPoolModel(
      PoolModel spec, ModelFacts facts, Engine engine, List<FactSource> sources, Rejection rej) {
    this(spec, facts, engine, sources, rej, null);
  }

  /** A model that cannot be placed, and why. */
  public static ResolvedPoolModel rejected(PoolModel spec, Rejection rejection) {
    return new ResolvedPoolModel(spec, null, null, List.of(), rejection, null);
  }

  /** Whether the pool should warn that the model is unknown (it is placed on assumptions). */
  public boolean warnsUnknown() {
    return unknownWarning != null && placeable();
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
   * @param observedAt when that source observed the value; null when it does not say
   */
  public record FactSource(String name, String value, String source, Instant observedAt) {
    /** A fact whose source gives no observation time. */
    public FactSource(String name, String value, String source) {
      this(name, value, source, null);
    }
  }
}
