package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Works out which layers of a model attend fully, slide, or keep a recurrent state. Newer configs
 * list it in {@code layer_types}; older ones imply it by architecture: Gemma 2 and gpt-oss
 * alternate, Gemma 3 and Command R7B make every n-th layer global ({@code sliding_window_pattern}),
 * Qwen slides only with {@code use_sliding_window} and from {@code max_window_layers} on, Mistral
 * slides everywhere when {@code sliding_window} is set, Qwen3-Next and Jamba interleave full
 * attention with linear attention or Mamba at a fixed interval.
 */
final class LayerPatterns {
  private final ConfigFields fields;
  private final Architecture arch;
  private final List<String> notes;

  LayerPatterns(ConfigFields fields, Architecture arch, List<String> notes) {
    this.fields = fields;
    this.arch = arch;
    this.notes = notes;
  }

  /** Each layer's kind, from layer_types when the config lists them, else from the architecture. */
  AttentionLayout read(int layers, int maxPositions) throws ConfigJsonException {
    JsonNode types = fields.field("layer_types");
    if (types != null) {
      return fromLayerTypes(types, layers);
    }
    List<LayerKind> kinds = new ArrayList<>(layers);
    switch (arch) {
      case GEMMA2, GPT_OSS -> {
        // Gemma 2 and gpt-oss alternate, starting with a sliding layer.
        for (int i = 0; i < layers; i++) {
          kinds.add(i % 2 == 0 ? LayerKind.SLIDING_ATTENTION : LayerKind.FULL_ATTENTION);
        }
        return new AttentionLayout(kinds, window(4096));
      }
      case GEMMA3, COHERE2 -> {
        // Every pattern-th layer is global: Gemma 3 has 5 local to 1 global, Command R7B 3 to 1.
        int fallback = arch == Architecture.GEMMA3 ? 6 : 4;
        Integer pattern = fields.optional("sliding_window_pattern", "_sliding_window_pattern");
        if (pattern == null) {
          pattern = fallback;
          notes.add("sliding_window_pattern not in config.json; used the default " + fallback);
        }
        for (int i = 0; i < layers; i++) {
          kinds.add(
              (i + 1) % pattern == 0 ? LayerKind.FULL_ATTENTION : LayerKind.SLIDING_ATTENTION);
        }
        return new AttentionLayout(kinds, window(4096));
      }
      case QWEN3_NEXT -> {
        int interval = fields.positiveOr("full_attention_interval", 4);
        for (int i = 0; i < layers; i++) {
          kinds.add(
              (i + 1) % interval == 0 ? LayerKind.FULL_ATTENTION : LayerKind.LINEAR_ATTENTION);
        }
        return new AttentionLayout(kinds, 0);
      }
      case JAMBA -> {
        int period = fields.positiveOr("attn_layer_period", 8);
        int offset = fields.orDefault("attn_layer_offset", 4);
        for (int i = 0; i < layers; i++) {
          kinds.add(i % period == offset ? LayerKind.FULL_ATTENTION : LayerKind.MAMBA);
        }
        return new AttentionLayout(kinds, 0);
      }
      default -> {
        return uniformOrQwenWindow(layers, maxPositions);
      }
    }
  }

  private AttentionLayout uniformOrQwenWindow(int layers, int maxPositions)
      throws ConfigJsonException {
    Integer window = fields.optional("sliding_window");
    JsonNode useWindow = fields.field("use_sliding_window");
    boolean windowOn =
        useWindow == null ? window != null : ConfigFields.asBool("use_sliding_window", useWindow);
    if (!windowOn || window == null) {
      return AttentionLayout.allFull(layers);
    }
    if (maxPositions > 0 && window >= maxPositions) {
      notes.add(
          "sliding_window "
              + window
              + " is not below the context length "
              + maxPositions
              + "; read as full attention");
      return AttentionLayout.allFull(layers);
    }
    // Qwen2/Qwen3 slide only in layers from max_window_layers on; others slide everywhere.
    int firstSliding = arch.isQwen() ? fields.orDefault("max_window_layers", layers) : 0;
    List<LayerKind> kinds = new ArrayList<>(layers);
    for (int i = 0; i < layers; i++) {
      kinds.add(i >= firstSliding ? LayerKind.SLIDING_ATTENTION : LayerKind.FULL_ATTENTION);
    }
    return new AttentionLayout(kinds, window);
  }

  private AttentionLayout fromLayerTypes(JsonNode types, int layers) throws ConfigJsonException {
    if (!types.isArray() || types.size() != layers) {
      throw new ConfigJsonException(
          "layer_types",
          "layer_types must list one type for each of the "
              + layers
              + " layers, found "
              + (types.isArray() ? types.size() + " entries" : types.getNodeType()));
    }
    List<LayerKind> kinds = new ArrayList<>(layers);
    Set<String> unknown = new HashSet<>();
    for (JsonNode type : types) {
      String name = type.asText("").toLowerCase(Locale.ROOT);
      if (name.contains("sliding") || name.equals("local")) {
        kinds.add(LayerKind.SLIDING_ATTENTION);
      } else if (name.contains("linear")) {
        kinds.add(LayerKind.LINEAR_ATTENTION);
      } else if (name.contains("mamba")) {
        kinds.add(LayerKind.MAMBA);
      } else {
        if (!name.contains("full") && !name.contains("global") && !name.equals("attention")) {
          unknown.add(name);
        }
        kinds.add(LayerKind.FULL_ATTENTION);
      }
    }
    if (!unknown.isEmpty()) {
      notes.add("layer types " + unknown + " read as full attention, the larger KV cache");
    }
    int window = kinds.contains(LayerKind.SLIDING_ATTENTION) ? window(0) : 0;
    return new AttentionLayout(kinds, window);
  }

  private int window(int fallback) throws ConfigJsonException {
    Integer window =
        fields.optional("sliding_window", "sliding_window_size", "attention_window_size");
    if (window != null) {
      return window;
    }
    if (fallback > 0) {
      notes.add("sliding_window not in config.json; used the default " + fallback);
      return fallback;
    }
    throw new ConfigJsonException(
        "sliding_window", "layer_types has sliding layers but config.json has no sliding_window");
  }
}
