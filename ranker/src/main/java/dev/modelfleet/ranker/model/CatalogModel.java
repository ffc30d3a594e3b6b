package dev.modelfleet.ranker.model;

import java.util.List;

/**
 * One model of the bundled catalog.
 *
 * @param id Hugging Face repository id
 * @param aliases other ids of the same weights (renamed repositories)
 * @param license the license identifier the Hub shows, e.g. "apache-2.0", "llama3.1"
 * @param gated whether the Hub asks users to accept terms before downloading
 * @param contextLength context length in tokens the model is published for
 * @param source URL of the config.json the architecture facts were copied from
 * @param published parameter figures from the model card or paper; null when none is given
 * @param facts architecture facts, parsed from the entry's copy of config.json
 * @param note anything else worth knowing, e.g. where the card and the config disagree
 */
public record CatalogModel(
    String id,
    List<String> aliases,
    String license,
    boolean gated,
    int contextLength,
    String source,
    PublishedParameters published,
    ModelFacts facts,
    String note) {

  /** Copies the aliases so an entry stays immutable. */
  public CatalogModel {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The family, e.g. "llama", "qwen", "gemma". */
  public String family() {
    return facts.family();
  }
}
