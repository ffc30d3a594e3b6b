package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.model.ParameterSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the records of one model: field by field, a later source's non-empty value replaces an
 * earlier one's, and the winner's source and observation time are kept with the field. Pure.
 */
final class FactMerger {
  private static final double BILLION = 1e9;

  private FactMerger() {}

  /**
   * Merges records given in any order; they are applied by {@link FactSource} precedence.
   *
   * @param known whether a source other than the overrides knows the model
   * @param notes notes gathered while looking the model up; the merge adds its own
   */
  static ResolvedModel merge(
      String requested, List<ModelRecord> records, boolean known, List<String> notes) {
    List<ModelRecord> ordered =
        records.stream().sorted(Comparator.comparing(ModelRecord::source)).toList();
    ObjectNode merged = ObjectNodes.empty();
    Map<String, Provenance> provenance = new LinkedHashMap<>();
    String id = id(requested, ordered);
    for (ModelRecord record : ordered) {
      record
          .facts()
          .fields()
          .forEachRemaining(
              field -> {
                if (!Fact.isEmpty(field.getValue())) {
                  merged.set(field.getKey(), field.getValue().deepCopy());
                  provenance.put(
                      field.getKey(),
                      new Provenance(
                          field.getKey(),
                          text(field.getValue()),
                          record.source(),
                          record.observedAt()));
                }
              });
    }
    List<String> allNotes = new ArrayList<>(notes);
    ModelFacts facts = architecture(id, merged, provenance, allNotes);
    ParameterCount parameters = parameters(facts, merged, provenance);
    if (facts != null && parameters != null) {
      facts = facts.withParameters(parameters);
    }
    List<FactSource> sources = ordered.stream().map(ModelRecord::source).distinct().toList();
    return new ResolvedModel(
        requested,
        id,
        known,
        sources,
        merged,
        List.copyOf(provenance.values()),
        facts,
        parameters,
        allNotes);
  }

  /**
   * The model's id: the Hub's spelling when it answered (it follows renames), else that of the
   * lowest-precedence source, the catalog's canonical id when it knows the model.
   */
  private static String id(String requested, List<ModelRecord> ordered) {
    for (ModelRecord record : ordered) {
      if (record.source() == FactSource.HUB) {
        return record.id();
      }
    }
    return ordered.stream()
        .filter(r -> r.source() != FactSource.OVERRIDE)
        .map(ModelRecord::id)
        .findFirst()
        .orElse(requested);
  }

  /** Parses the merged config.json with the registry's and overrides' sizes laid over it. */
  private static ModelFacts architecture(
      String id, ObjectNode merged, Map<String, Provenance> provenance, List<String> notes) {
    JsonNode config = merged.get(Fact.CONFIG.field());
    ObjectNode overlaid =
        config != null && config.isObject() ? (ObjectNode) config.deepCopy() : null;
    boolean overlays = false;
    for (Fact fact : Fact.values()) {
      Provenance winner = provenance.get(fact.field());
      boolean explicit =
          winner != null
              && (winner.source() == FactSource.REGISTRY || winner.source() == FactSource.OVERRIDE);
      if (explicit && ConfigOverlay.applies(fact)) {
        if (overlaid == null) {
          overlaid = ObjectNodes.empty();
        }
        ConfigOverlay.apply(overlaid, fact, merged.get(fact.field()));
        overlays = true;
      }
    }
    if (overlaid == null) {
      return null;
    }
    try {
      ModelFacts facts = ConfigJsonParser.parse(id, overlaid);
      if (overlays) {
        notes.add("architecture sizes from the registry or overrides laid over config.json");
      }
      return facts;
    } catch (ConfigJsonException e) {
      notes.add("no architecture facts: config." + e.field() + ": " + e.getMessage());
      return null;
    } catch (RuntimeException e) {
      // A config.json from the Hub or a registry is untrusted input: never let it fail a resolve.
      notes.add("no architecture facts: config.json could not be read: " + e);
      return null;
    }
  }

  private static ParameterCount parameters(
      ModelFacts facts, ObjectNode merged, Map<String, Provenance> provenance) {
    JsonNode total = merged.get(Fact.PARAMETERS_B.field());
    JsonNode active = merged.get(Fact.ACTIVE_PARAMETERS_B.field());
    // Parameter counts are whole numbers; rounding undoes the billions' binary fraction.
    Double totalCount =
        total != null && total.isNumber() ? Math.rint(total.asDouble() * BILLION) : null;
    Double activeCount =
        active != null && active.isNumber() ? Math.rint(active.asDouble() * BILLION) : null;
    if (totalCount == null) {
      return facts == null ? null : facts.parameters();
    }
    ParameterSource source = parameterSource(provenance.get(Fact.PARAMETERS_B.field()).source());
    if (facts != null) {
      return ParameterCounter.resolve(facts, totalCount, activeCount, source);
    }
    double activeOrTotal = activeCount != null ? Math.min(activeCount, totalCount) : totalCount;
    return new ParameterCount(
        totalCount,
        activeOrTotal,
        0,
        source,
        "no config.json: "
            + (activeCount != null ? "active as given" : "active assumed equal to total"));
  }

  private static ParameterSource parameterSource(FactSource source) {
    return switch (source) {
      case HUB, SNAPSHOT -> ParameterSource.SAFETENSORS_METADATA;
      case CATALOG -> ParameterSource.PUBLISHED;
      case REGISTRY, OVERRIDE -> ParameterSource.SUPPLIED;
    };
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
