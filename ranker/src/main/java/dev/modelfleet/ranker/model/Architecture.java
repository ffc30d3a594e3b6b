package dev.modelfleet.ranker.model;

import java.util.Locale;
import java.util.Map;

/**
 * The architectures the parser knows by {@code model_type}, with the defaults their transformers
 * config classes apply when a config.json leaves a field out. Anything else is read as a
 * Llama-style decoder, with a note saying so.
 */
enum Architecture {
  LLAMA("llama", false),
  MISTRAL("mistral", false),
  MIXTRAL("mistral", false),
  QWEN2("qwen", false),
  QWEN2_MOE("qwen", false),
  QWEN3("qwen", false),
  QWEN3_MOE("qwen", false),
  QWEN3_NEXT("qwen", false),
  GEMMA("gemma", true),
  GEMMA2("gemma", true),
  GEMMA3("gemma", true),
  PHI3("phi", false),
  DEEPSEEK("deepseek", false),
  GPT_OSS("gpt-oss", false),
  COHERE("command-r", true),
  COHERE2("command-r", true),
  FALCON("falcon", true),
  JAMBA("jamba", false),
  GENERIC("", false);

  private static final Map<String, Architecture> BY_MODEL_TYPE =
      Map.ofEntries(
          Map.entry("llama", LLAMA),
          Map.entry("mistral", MISTRAL),
          Map.entry("mixtral", MIXTRAL),
          Map.entry("qwen2", QWEN2),
          Map.entry("qwen2_moe", QWEN2_MOE),
          Map.entry("qwen3", QWEN3),
          Map.entry("qwen3_moe", QWEN3_MOE),
          Map.entry("qwen3_next", QWEN3_NEXT),
          Map.entry("gemma", GEMMA),
          Map.entry("gemma2", GEMMA2),
          Map.entry("gemma3", GEMMA3),
          Map.entry("gemma3_text", GEMMA3),
          Map.entry("phi3", PHI3),
          Map.entry("deepseek_v2", DEEPSEEK),
          Map.entry("deepseek_v3", DEEPSEEK),
          Map.entry("kimi_k2", DEEPSEEK),
          Map.entry("gpt_oss", GPT_OSS),
          Map.entry("cohere", COHERE),
          Map.entry("cohere2", COHERE2),
          Map.entry("falcon", FALCON),
          Map.entry("refinedweb", FALCON),
          Map.entry("refinedwebmodel", FALCON),
          Map.entry("jamba", JAMBA));

  private final String family;
  private final boolean tiedByDefault;

  Architecture(String family, boolean tiedByDefault) {
    this.family = family;
    this.tiedByDefault = tiedByDefault;
  }

  static Architecture of(String modelType) {
    if (modelType == null) {
      return GENERIC;
    }
    return BY_MODEL_TYPE.getOrDefault(modelType.toLowerCase(Locale.ROOT), GENERIC);
  }

  /** The family name; for an unknown architecture, the model type itself. */
  String family(String modelType) {
    if (!family.isEmpty()) {
      return family;
    }
    return modelType == null || modelType.isBlank()
        ? "unknown"
        : modelType.toLowerCase(Locale.ROOT);
  }

  /** transformers' default for {@code tie_word_embeddings} in this architecture's config class. */
  boolean tiedByDefault() {
    return tiedByDefault;
  }

  boolean isQwen() {
    return this == QWEN2 || this == QWEN2_MOE || this == QWEN3 || this == QWEN3_MOE;
  }
}
