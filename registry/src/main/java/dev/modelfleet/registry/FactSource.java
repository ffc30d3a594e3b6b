package dev.modelfleet.registry;

import java.util.Locale;

/** Where a fact came from; later constants win over earlier ones for the same field. */
public enum FactSource {
  /** The catalog bundled with the ranker ({@code dev.modelfleet.ranker.model.ModelCatalog}). */
  CATALOG,
  /** The frozen snapshot of Hub facts shipped with the release. */
  SNAPSHOT,
  /** The Hugging Face Hub (or a mirror of its API), read when reachable. */
  HUB,
  /** The user registry: a file or ConfigMap of model entries. */
  REGISTRY,
  /** Per-model overrides, e.g. a ModelPool model's {@code overrides}. */
  OVERRIDE;

  /** The lower-case name used in JSON, tables and docs, e.g. "hub". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
