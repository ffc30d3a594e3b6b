package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the registry knows about one model after merging its sources, and where each fact came
 * from.
 *
 * @param requested the name as asked for
 * @param id the model's id: the Hub's spelling when it answered, else the catalog's, snapshot's or
 *     registry's (the first that knows it); the request itself for an unknown model
 * @param known whether any source other than the overrides knows the model
 * @param sources the sources that contributed, lowest precedence first
 * @param facts the merged facts, by field name (known facts and any other fields the sources
 *     carried)
 * @param provenance for every merged field, the source that won and when it observed the value
 * @param modelFacts architecture facts for the ranker, with their parameter count; null when no
 *     source gives a config.json the parser can read
 * @param parameters the parameter count to estimate with; null when nothing gives one
 * @param notes what was assumed, what failed (a Hub error code), what was left out
 */
public record ResolvedModel(
    String requested,
    String id,
    boolean known,
    List<FactSource> sources,
    ObjectNode facts,
    List<Provenance> provenance,
    ModelFacts modelFacts,
    ParameterCount parameters,
    List<String> notes) {

  /** Copies the lists and the facts. */
  public ResolvedModel {
    sources = List.copyOf(sources);
    facts = facts.deepCopy();
    provenance = List.copyOf(provenance);
    notes = List.copyOf(notes);
  }

  /** Architecture facts, when a config.json (or enough overrides) describes the model. */
  public Optional<ModelFacts> architecture() {
    return Optional.ofNullable(modelFacts);
  }

  /** The parameter count to estimate with, when any source gives or implies one. */
  public Optional<ParameterCount> parameterCount() {
    return Optional.ofNullable(parameters);
  }

  /** A merged fact's value; a missing node when no source gives it. */
  public JsonNode value(String field) {
    return facts.path(field);
  }

  /** Where a merged field came from. */
  public Optional<Provenance> provenanceOf(String field) {
    return provenance.stream().filter(p -> p.field().equals(field)).findFirst();
  }

  /** The license identifier, e.g. "apache-2.0". */
  public Optional<String> license() {
    JsonNode value = value(Fact.LICENSE.field());
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** Whether downloading needs accepted terms and a token; empty when no source says. */
  public Optional<Boolean> gated() {
    JsonNode value = value(Fact.GATED.field());
    return value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
  }

  /** The family, from the facts or, failing that, the architecture. */
  public Optional<String> family() {
    JsonNode value = value(Fact.FAMILY.field());
    if (value.isTextual()) {
      return Optional.of(value.asText());
    }
    return architecture().map(ModelFacts::family);
  }

  /** Context length in tokens: the stated one, else what config.json declares. */
  public OptionalInt contextLength() {
    JsonNode value = value(Fact.MAX_CONTEXT_LENGTH.field());
    if (value.canConvertToInt() && value.asInt() > 0) {
      return OptionalInt.of(value.asInt());
    }
    return architecture()
        .filter(f -> f.maxPositionEmbeddings() > 0)
        .map(f -> OptionalInt.of(f.maxPositionEmbeddings()))
        .orElse(OptionalInt.empty());
  }
}
