package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The facts the registry understands, named as in a ModelPool model's {@code overrides} so one
 * vocabulary serves the user registry, the overrides and the provenance list. Fields not listed
 * here are kept as they are and merged the same way.
 */
public enum Fact {
  /** Coarse family for allow-lists, e.g. "llama". */
  FAMILY("family", Kind.TEXT),
  /** The transformers class, config.json's {@code architectures[0]}. */
  ARCHITECTURE("architecture", Kind.TEXT),
  /** Total parameters, in billions. */
  PARAMETERS_B("parametersB", Kind.POSITIVE_NUMBER),
  /** Parameters active per token, in billions (mixture-of-experts models). */
  ACTIVE_PARAMETERS_B("activeParametersB", Kind.POSITIVE_NUMBER),
  /** Decoder layers. */
  LAYERS("layers", Kind.POSITIVE_INTEGER, "num_hidden_layers", "n_layer", "num_layers", "n_layers"),
  /** Width of the residual stream. */
  HIDDEN_SIZE(
      "hiddenSize", Kind.POSITIVE_INTEGER, "hidden_size", "n_embd", "d_model", "model_dim", "dim"),
  /** Query heads. */
  ATTENTION_HEADS(
      "attentionHeads",
      Kind.POSITIVE_INTEGER,
      "num_attention_heads",
      "n_head",
      "num_heads",
      "n_heads"),
  /** Key-value heads. */
  KV_HEADS(
      "kvHeads",
      Kind.POSITIVE_INTEGER,
      "num_key_value_heads",
      "num_kv_heads",
      "n_head_kv",
      "n_kv_heads"),
  /** Width of one attention head. */
  HEAD_DIM("headDim", Kind.POSITIVE_INTEGER, "head_dim", "kv_channels", "attention_head_dim"),
  /** Rows of the embedding table. */
  VOCAB_SIZE("vocabSize", Kind.POSITIVE_INTEGER, "vocab_size", "padded_vocab_size", "n_vocab"),
  /** Longest context the model supports, in tokens. */
  MAX_CONTEXT_LENGTH("maxContextLength", Kind.POSITIVE_INTEGER, "max_position_embeddings"),
  /** Routed experts per MoE layer; 0 for a dense model. */
  EXPERTS(
      "experts",
      Kind.COUNT,
      "num_local_experts",
      "num_experts",
      "n_routed_experts",
      "moe_num_experts"),
  /** Experts each token is routed to. */
  EXPERTS_PER_TOKEN(
      "expertsPerToken",
      Kind.POSITIVE_INTEGER,
      "num_experts_per_tok",
      "experts_per_token",
      "num_selected_experts",
      "moe_top_k",
      "top_k_experts"),
  /** Size of the weights on disk, in GiB. */
  DISK_GIB("diskGiB", Kind.POSITIVE_NUMBER),
  /** License identifier as the Hub shows it, e.g. "apache-2.0". */
  LICENSE("license", Kind.TEXT),
  /** Whether downloading needs accepted terms and a token. */
  GATED("gated", Kind.BOOLEAN),
  /** Other ids of the same model: renamed repositories, Ollama tags. */
  ALIASES("aliases", Kind.TEXT_LIST),
  /** The model's config.json, as an object. */
  CONFIG("config", Kind.OBJECT),
  /** Files of the repository: {@code [{name, sizeBytes}]}. */
  FILES("files", Kind.FILES),
  /** The repository commit the facts describe. */
  SHA("sha", Kind.TEXT),
  /** The Hub's tags for the repository. */
  TAGS("tags", Kind.TEXT_LIST),
  /** URL of the page or file the facts were read from. */
  SOURCE("source", Kind.TEXT);

  /** The JSON type a fact's value must have. */
  enum Kind {
    TEXT,
    BOOLEAN,
    POSITIVE_NUMBER,
    POSITIVE_INTEGER,
    COUNT,
    TEXT_LIST,
    OBJECT,
    FILES
  }

  private final String field;
  private final Kind kind;
  private final List<String> configKeys;

  Fact(String field, Kind kind, String... configKeys) {
    this.field = field;
    this.kind = kind;
    this.configKeys = List.of(configKeys);
  }

  /** The field name, e.g. "parametersB". */
  public String field() {
    return field;
  }

  /**
   * The config.json keys this fact stands for, canonical first (the parser's own list); empty for
   * facts that are not architecture sizes.
   */
  List<String> configKeys() {
    return configKeys;
  }

  /** The fact with this field name, if the registry understands it. */
  public static Optional<Fact> of(String field) {
    for (Fact fact : values()) {
      if (fact.field.equals(field)) {
        return Optional.of(fact);
      }
    }
    return Optional.empty();
  }

  /** Whether a value says nothing (null, blank text, empty list or object) and so never wins. */
  static boolean isEmpty(JsonNode value) {
    return value == null
        || value.isNull()
        || value.isMissingNode()
        || (value.isTextual() && value.asText().isBlank())
        || (value.isContainerNode() && value.isEmpty());
  }

  /**
   * Checks a value of this fact and returns it normalised (text trimmed, integers as integers).
   *
   * @param path where the value sits, for the error, e.g. "models[2].parametersB"
   */
  JsonNode check(String path, JsonNode value) throws RegistryFormatException {
    JsonNodeFactory json = JsonNodeFactory.instance;
    switch (kind) {
      case TEXT -> {
        if (!value.isTextual()) {
          throw new RegistryFormatException(path, "must be text, was " + value);
        }
        return json.textNode(value.asText().trim());
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw new RegistryFormatException(path, "must be true or false, was " + value);
        }
        return value;
      }
      case POSITIVE_NUMBER -> {
        if (!value.isNumber() || !(value.asDouble() > 0)) {
          throw new RegistryFormatException(path, "must be a positive number, was " + value);
        }
        return json.numberNode(value.asDouble());
      }
      case POSITIVE_INTEGER, COUNT -> {
        long minimum = kind == Kind.COUNT ? 0 : 1;
        if (!value.canConvertToExactIntegral()
            || value.asLong() < minimum
            || value.asLong() > Integer.MAX_VALUE) {
          throw new RegistryFormatException(
              path, "must be a whole number of at least " + minimum + ", was " + value.toString());
        }
        return json.numberNode(value.asInt());
      }
      case TEXT_LIST -> {
        return textList(path, value);
      }
      case OBJECT -> {
        if (!value.isObject()) {
          throw new RegistryFormatException(path, "must be an object (the model's config.json)");
        }
        return value;
      }
      case FILES -> {
        return files(path, value);
      }
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
  }

  private static JsonNode textList(String path, JsonNode value) throws RegistryFormatException {
    if (value.isTextual()) {
      return JsonNodeFactory.instance.arrayNode().add(value.asText().trim());
    }
    if (!value.isArray()) {
      throw new RegistryFormatException(path, "must be a list of text");
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new RegistryFormatException(path + "[" + i + "]", "must be non-empty text");
      }
      out.add(item.asText().trim());
    }
    return out;
  }

  private static JsonNode files(String path, JsonNode value) throws RegistryFormatException {
    if (!value.isArray()) {
      throw new RegistryFormatException(path, "must be a list of {name, sizeBytes}");
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String at = path + "[" + i + "]";
      if (!item.isObject()
          || !item.path("name").isTextual()
          || item.get("name").asText().isBlank()) {
        throw new RegistryFormatException(at + ".name", "every file needs a name");
      }
      ObjectNode file = JsonNodeFactory.instance.objectNode();
      file.put("name", item.get("name").asText().trim());
      JsonNode size = item.get("sizeBytes");
      if (size != null && !size.isNull()) {
        if (!size.canConvertToExactIntegral() || size.asLong() < 0) {
          throw new RegistryFormatException(
              at + ".sizeBytes", "must be a whole number of bytes, was " + size);
        }
        file.put("sizeBytes", size.asLong());
      }
      out.add(file);
    }
    return out;
  }
}
