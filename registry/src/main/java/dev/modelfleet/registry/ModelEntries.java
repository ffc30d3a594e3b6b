package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/** Reads one model entry (user registry, snapshot, overrides) into a {@link ModelRecord}. */
final class ModelEntries {
  static final String ID = "id";
  static final String OBSERVED_AT = "observedAt";

  private ModelEntries() {}

  /**
   * Reads an entry: {@code id} is required, {@code observedAt} (a date or an instant) is optional,
   * known facts are checked, other fields are kept.
   *
   * @param path where the entry sits, for errors, e.g. "models[3]"
   * @param fallbackObservedAt used when the entry has no observedAt; may be null
   */
  static ModelRecord read(
      String path, JsonNode entry, FactSource source, Instant fallbackObservedAt)
      throws RegistryFormatException {
    if (entry == null || !entry.isObject()) {
      throw new RegistryFormatException(path, "must be an object with at least an id");
    }
    JsonNode id = entry.get(ID);
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new RegistryFormatException(
          path + "." + ID, "every model needs an id: a Hugging Face repo id or an Ollama tag");
    }
    Instant observedAt = fallbackObservedAt;
    if (entry.hasNonNull(OBSERVED_AT)) {
      observedAt = instant(path + "." + OBSERVED_AT, entry.get(OBSERVED_AT));
    }
    ObjectNode facts = ObjectNodes.empty();
    Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals(ID) || name.equals(OBSERVED_AT) || Fact.isEmpty(field.getValue())) {
        continue;
      }
      JsonNode value = field.getValue();
      facts.set(name, Fact.of(name).isPresent() ? checked(path, name, value) : value.deepCopy());
    }
    return new ModelRecord(id.asText().trim(), source, observedAt, facts);
  }

  /** Reads a plain map of fact names to values, such as a ModelPool model's overrides. */
  static ModelRecord fromMap(
      String id, Map<String, ?> values, FactSource source, Instant observedAt, String path)
      throws RegistryFormatException {
    ObjectNode entry = Json.MAPPER.valueToTree(values == null ? Map.of() : values);
    entry.put(ID, id);
    entry.remove(OBSERVED_AT);
    return read(path, entry, source, observedAt);
  }

  private static JsonNode checked(String path, String name, JsonNode value)
      throws RegistryFormatException {
    return Fact.of(name).orElseThrow().check(path + "." + name, value);
  }

  /** A date (YYYY-MM-DD, taken as midnight UTC) or an ISO-8601 instant. */
  static Instant instant(String path, JsonNode value) throws RegistryFormatException {
    String text = value.asText().trim();
    try {
      if (text.length() == "2026-01-01".length()) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new RegistryFormatException(
          path, "must be a date like 2026-11-01 or an instant like 2026-11-01T12:00:00Z");
    }
  }
}
