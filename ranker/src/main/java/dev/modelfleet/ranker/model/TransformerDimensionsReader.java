package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads the core transformer dimensions of a config.json: key-value heads, head size, block
 * details, MLP width, vocabulary, context length and embedding tying.
 */
final class TransformerDimensionsReader {
  private final ConfigFields fields;
  private final String modelType;
  private final Architecture arch;
  private final List<String> notes;

  TransformerDimensionsReader(
      ConfigFields fields, String modelType, Architecture arch, List<String> notes) {
    this.fields = fields;
    this.modelType = modelType;
    this.arch = arch;
    this.notes = notes;
  }

  int keyValueHeads(int heads) throws ConfigJsonException {
    Integer kv = fields.optional("num_key_value_heads", "num_kv_heads", "n_head_kv", "n_kv_heads");
    if (kv != null) {
      return kv;
    }
    if (fields.bool("multi_query", false)) {
      return 1; // Falcon-7B: one key-value head shared by all query heads
    }
    if (fields.bool("multi_query_attention", false)) {
      Integer groups = fields.optional("multi_query_group_num");
      if (groups != null) {
        return groups;
      }
    }
    return heads;
  }

  int headDim(int hidden, int heads) throws ConfigJsonException {
    Integer dim = fields.optional("head_dim", "kv_channels", "attention_head_dim", "d_head");
    if (dim != null) {
      return dim;
    }
    if (arch == Architecture.GEMMA || arch == Architecture.GEMMA2 || arch == Architecture.GEMMA3) {
      notes.add("head_dim not in config.json; used the Gemma config default 256");
      return 256;
    }
    if (hidden % heads != 0) {
      throw new ConfigJsonException(
          "head_dim",
          "config.json has no head_dim and hidden_size "
              + hidden
              + " is not a multiple of the "
              + heads
              + " attention heads");
    }
    return hidden / heads;
  }

  BlockDetails block() throws ConfigJsonException {
    boolean attentionBias = fields.bool("attention_bias", false);
    boolean mlpBias = fields.bool("mlp_bias", false);
    return switch (arch) {
      case QWEN2, QWEN2_MOE ->
          // Qwen2 always builds biased q/k/v projections; the config has no field for it.
          new BlockDetails(true, true, false, false, false, false, false, 2, false);
      case QWEN3, QWEN3_MOE ->
          new BlockDetails(true, attentionBias, attentionBias, false, true, false, false, 2, false);
      case QWEN3_NEXT -> new BlockDetails(true, false, false, false, true, true, false, 2, false);
      case GEMMA -> new BlockDetails(true, false, false, false, false, false, false, 2, false);
      case GEMMA2 -> new BlockDetails(true, false, false, false, false, false, false, 4, false);
      case GEMMA3 -> new BlockDetails(true, false, false, false, true, false, false, 4, false);
      case GPT_OSS ->
          new BlockDetails(true, attentionBias, attentionBias, false, false, false, true, 2, false);
      case COHERE, COHERE2 ->
          // Attention and MLP run in parallel off one LayerNorm (weight only).
          new BlockDetails(
              true,
              attentionBias,
              attentionBias,
              false,
              fields.bool("use_qk_norm", false),
              false,
              false,
              1,
              false);
      case FALCON -> falconBlock();
      default ->
          new BlockDetails(
              true, attentionBias, attentionBias, mlpBias, false, false, false, 2, false);
    };
  }

  private BlockDetails falconBlock() throws ConfigJsonException {
    boolean bias = fields.bool("bias", false);
    // Falcon-40B/180B (RefinedWeb, new_decoder_architecture) norm attention and MLP inputs
    // separately; Falcon-7B's parallel block shares one LayerNorm.
    boolean newArchitecture =
        fields.bool("new_decoder_architecture", false) || "refinedweb".equalsIgnoreCase(modelType);
    boolean parallel = fields.bool("parallel_attn", true);
    int norms = newArchitecture || !parallel ? 2 : 1;
    return new BlockDetails(false, bias, bias, bias, false, false, false, norms, true);
  }

  int intermediate(int hidden, boolean gated) throws ConfigJsonException {
    Integer size =
        fields.optional("intermediate_size", "ffn_hidden_size", "n_inner", "ffn_dim", "d_ff");
    if (size != null) {
      return size;
    }
    if (!gated) {
      notes.add("no intermediate_size; used 4 x hidden_size as " + modelType + " does");
      return 4 * hidden;
    }
    return fields.required("intermediate_size", "ffn_hidden_size", "n_inner", "ffn_dim", "d_ff");
  }

  int vocab() throws ConfigJsonException {
    Integer vocab = fields.optional("vocab_size", "padded_vocab_size", "n_vocab");
    if (vocab != null) {
      return vocab;
    }
    int fallback =
        switch (arch) {
          case GEMMA3 -> 262_208;
          case FALCON -> 65_024;
          case JAMBA -> 65_536;
          default -> 0;
        };
    if (fallback == 0) {
      return fields.required("vocab_size", "padded_vocab_size", "n_vocab");
    }
    notes.add(
        "vocab_size not in config.json; used the " + modelType + " config default " + fallback);
    return fallback;
  }

  int maxPositions() throws ConfigJsonException {
    Integer positions =
        fields.optional(
            "max_position_embeddings",
            "n_positions",
            "max_sequence_length",
            "seq_length",
            "n_ctx",
            "max_seq_len");
    if (positions == null && fields.nested()) {
      positions = fields.rootOptional("max_position_embeddings");
    }
    if (positions != null) {
      return positions;
    }
    int fallback =
        switch (arch) {
          case GEMMA3 -> 131_072;
          case FALCON -> 2_048;
          default -> 0;
        };
    notes.add(
        fallback == 0
            ? "config.json declares no context length"
            : "max_position_embeddings not in config.json; used the "
                + modelType
                + " config default "
                + fallback);
    return fallback;
  }

  boolean tied() throws ConfigJsonException {
    JsonNode node = fields.field("tie_word_embeddings");
    if (node == null && fields.nested()) {
      node = fields.rootField("tie_word_embeddings");
    }
    if (node != null) {
      return ConfigFields.asBool("tie_word_embeddings", node);
    }
    return arch.tiedByDefault();
  }
}
