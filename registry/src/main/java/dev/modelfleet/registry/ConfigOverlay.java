package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Lays architecture sizes given by the registry or overrides ({@code layers}, {@code hiddenSize},
 * ...) over a config.json, so the ranker's parser reads them instead of the config's own values.
 */
final class ConfigOverlay {
  // Where multimodal configs keep their language model; the parser reads the first present.
  private static final List<String> NESTED_TEXT_CONFIGS =
      List.of("text_config", "llm_config", "language_config");

  private ConfigOverlay() {}

  /** Whether a fact is an architecture size this overlay writes into config.json. */
  static boolean applies(Fact fact) {
    return fact == Fact.ARCHITECTURE || !fact.configKeys().isEmpty();
  }

  /** Writes the fact's value under its canonical key and drops the other spellings. */
  static void apply(ObjectNode config, Fact fact, JsonNode value) {
    if (fact == Fact.ARCHITECTURE) {
      config.putArray("architectures").add(value.asText());
      return;
    }
    ObjectNode text = textConfig(config);
    fact.configKeys().forEach(text::remove);
    if (fact == Fact.MAX_CONTEXT_LENGTH && text != config) {
      // The parser also reads the context length at the top level of multimodal configs.
      config.remove(fact.configKeys());
    }
    if (fact == Fact.EXPERTS && value.asInt() == 0) {
      return; // dense: no expert key at all
    }
    text.set(fact.configKeys().get(0), value);
  }

  private static ObjectNode textConfig(ObjectNode config) {
    for (String key : NESTED_TEXT_CONFIGS) {
      if (config.path(key).isObject()) {
        return (ObjectNode) config.get(key);
      }
    }
    return config;
  }
}
