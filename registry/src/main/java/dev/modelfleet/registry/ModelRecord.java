package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one source says about one model: facts named as in {@link Fact}, plus any other fields the
 * source carries, kept as they are.
 *
 * @param id the model's repository id or Ollama tag, as the source writes it
 * @param source which source this is
 * @param observedAt when the source observed these facts; null when it does not say
 * @param facts field name to value; empty values are left out
 */
public record ModelRecord(String id, FactSource source, Instant observedAt, ObjectNode facts) {

  /** Copies the facts so a record stays unchanged when its input is reused. */
  public ModelRecord {
    facts = facts == null ? ObjectNodes.empty() : facts.deepCopy();
  }

  /** The id and the aliases, as written. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(id);
    for (JsonNode alias : facts.path(Fact.ALIASES.field())) {
      names.add(alias.asText());
    }
    return names;
  }

  /** Whether the id or an alias matches {@code key}, ignoring case (see {@link ModelKeys}). */
  public boolean answersTo(String key) {
    for (String name : names()) {
      if (ModelKeys.key(name).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** The value of a fact, or a missing node. */
  public JsonNode get(Fact fact) {
    return facts.path(fact.field());
  }

  /** The same record without the given facts, e.g. a mirror that must not inherit "gated". */
  ModelRecord without(List<Fact> dropped) {
    ObjectNode kept = facts.deepCopy();
    dropped.forEach(f -> kept.remove(f.field()));
    return new ModelRecord(id, source, observedAt, kept);
  }

  /** The same facts under another id, e.g. a mirror's. */
  ModelRecord withId(String otherId) {
    return new ModelRecord(otherId, source, observedAt, facts);
  }

  @Override
  public String toString() {
    return source.name().toLowerCase(Locale.ROOT) + " record for " + id;
  }
}
