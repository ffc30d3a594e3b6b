package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to a config.json: the part describing the language model ({@code text}, which is
 * {@code text_config} in multimodal configs) and the top level ({@code root}). JSON null counts as
 * absent, as configs write null for "not used". Wrong types and non-positive sizes are errors that
 * name the field.
 */
final class ConfigFields {
  private final JsonNode root;
  private final JsonNode text;

  ConfigFields(JsonNode root, JsonNode text) {
    this.root = root;
    this.text = text;
  }

  /** Whether the language model is nested under its own key. */
  boolean nested() {
    return text != root;
  }

  /**
   * {@code architectures[0]} at the top level, else in the nested config; "" when neither has it.
   */
  String firstArchitecture() {
    for (JsonNode node : List.of(root.path("architectures"), text.path("architectures"))) {
      if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
        return node.get(0).asText();
      }
    }
    return "";
  }

  /** The first of the names present, as a positive whole number; an error naming the first. */
  int required(String... names) throws ConfigJsonException {
    Integer value = optional(names);
    if (value == null) {
      String also =
          names.length > 1
              ? " (also looked for "
                  + String.join(", ", List.of(names).subList(1, names.length))
                  + ")"
              : "";
      throw new ConfigJsonException(names[0], "config.json has no " + names[0] + also);
    }
    return value;
  }

  /** The first of the names present, as a positive whole number, or null. */
  Integer optional(String... names) throws ConfigJsonException {
    return optionalIn(text, names);
  }

  /** A positive whole number at the top level, or null. */
  Integer rootOptional(String name) throws ConfigJsonException {
    return optionalIn(root, name);
  }

  int positiveOr(String name, int fallback) throws ConfigJsonException {
    Integer value = optional(name);
    return value == null ? fallback : value;
  }

  /** A whole number that may be zero or negative (an offset), or the fallback. */
  int orDefault(String name, int fallback) throws ConfigJsonException {
    JsonNode value = field(name);
    return value == null ? fallback : asInt(name, value);
  }

  boolean bool(String name, boolean fallback) throws ConfigJsonException {
    JsonNode value = field(name);
    return value == null ? fallback : asBool(name, value);
  }

  /** A string from the language model's config, else the top level; null when neither has one. */
  String string(String name) {
    JsonNode value = field(name);
    if (value == null && nested()) {
      value = rootField(name);
    }
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The field of the language model's config, or null when absent or JSON null. */
  JsonNode field(String name) {
    return present(text, name);
  }

  /** The top-level field, or null when absent or JSON null. */
  JsonNode rootField(String name) {
    return present(root, name);
  }

  static int asPositiveInt(String name, JsonNode value) throws ConfigJsonException {
    int n = asInt(name, value);
    if (n <= 0) {
      throw new ConfigJsonException(name, name + " must be positive, was " + n);
    }
    return n;
  }

  static int asInt(String name, JsonNode value) throws ConfigJsonException {
    if (value.isNumber()) {
      double d = value.asDouble();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw new ConfigJsonException(name, name + " must be a whole number, was " + value);
  }

  static boolean asBool(String name, JsonNode value) throws ConfigJsonException {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    // Some hand-written configs quote booleans ("true").
    if (value.isTextual()) {
      String t = value.asText().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return t.equals("true");
      }
    }
    throw new ConfigJsonException(name, name + " must be true or false, was " + value);
  }

  private static Integer optionalIn(JsonNode node, String... names) throws ConfigJsonException {
    for (String name : names) {
      JsonNode value = present(node, name);
      if (value != null) {
        return asPositiveInt(name, value);
      }
    }
    return null;
  }

  private static JsonNode present(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }
}
