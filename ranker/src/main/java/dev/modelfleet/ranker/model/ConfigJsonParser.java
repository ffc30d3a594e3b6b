package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Hugging Face {@code config.json} into {@link ModelFacts}.
 *
 * <p>Field names differ between architectures ({@code hidden_size} / {@code n_embd}, {@code
 * num_local_experts} / {@code n_routed_experts}, ...); each fact is looked up under every name in
 * use. Multimodal configs keep the language model under {@code text_config}, which is read instead
 * of the top level. Where a config leaves out a field that its transformers config class defaults
 * (Gemma 3's vocabulary size, Falcon's context length), that default is used and a note says so. A
 * field nothing can stand in for is an error that names it.
 */
public final class ConfigJsonParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Where multimodal configs keep their language model.
  private static final List<String> NESTED_TEXT_CONFIGS =
      List.of("text_config", "llm_config", "language_config");

  private ConfigJsonParser() {}

  /** Parses config.json text; {@code id} may be null to use the config's own name. */
  public static ModelFacts parse(String id, String json) throws ConfigJsonException {
    if (json == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try {
      return parse(id, MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Parses a config.json file, e.g. the CLI's {@code --config}. */
  public static ModelFacts parse(String id, Path file) throws ConfigJsonException {
    if (file == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(id, in);
    } catch (IOException e) {
      throw new ConfigJsonException("(document)", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses a config.json stream; the caller closes it. */
  public static ModelFacts parse(String id, InputStream json) throws ConfigJsonException {
    if (json == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try {
      return parse(id, MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** One line, for a CLI error: Jackson's own messages span several. */
  private static ConfigJsonException unreadable(IOException e) {
    String detail = e.getMessage();
    if (e instanceof JsonProcessingException json) {
      detail = json.getOriginalMessage();
      if (json.getLocation() != null) {
        detail +=
            " (line "
                + json.getLocation().getLineNr()
                + ", column "
                + json.getLocation().getColumnNr()
                + ")";
      }
    }
    String oneLine = detail == null ? e.getClass().getSimpleName() : detail.replaceAll("\\s+", " ");
    return new ConfigJsonException("(document)", "config.json is not valid JSON: " + oneLine);
  }

  /** Parses an already-read config.json tree. */
  public static ModelFacts parse(String id, JsonNode root) throws ConfigJsonException {
    if (root == null || !root.isObject()) {
      throw new ConfigJsonException("(document)", "config.json is empty or not a JSON object");
    }
    List<String> notes = new ArrayList<>();
    JsonNode text = root;
    for (String key : NESTED_TEXT_CONFIGS) {
      if (root.path(key).isObject()) {
        text = root.get(key);
        notes.add("language model facts read from " + key);
        break;
      }
    }
    return new Reading(root, text, notes).facts(id);
  }

  /**
   * One parse: the config, the part describing the language model, and notes gathered on the way.
   */
  private static final class Reading {
    private final ConfigFields fields;
    private final List<String> notes;
    private String modelType;
    private Architecture arch;

    Reading(JsonNode root, JsonNode text, List<String> notes) {
      this.fields = new ConfigFields(root, text);
      this.notes = notes;
    }

    ModelFacts facts(String givenId) throws ConfigJsonException {
      String architecture = fields.firstArchitecture();
      modelType = fields.string("model_type");
      if (modelType == null) {
        modelType = guessModelType(architecture);
        notes.add("no model_type; assumed " + modelType + " from the architecture name");
      }
      arch = Architecture.of(modelType);
      if (arch == Architecture.GENERIC) {
        notes.add(
            "architecture "
                + modelType
                + " is not one ModelFleet knows; read as a Llama-style decoder");
      }

      int hidden = fields.required("hidden_size", "n_embd", "d_model", "model_dim", "dim");
      int layers = fields.required("num_hidden_layers", "n_layer", "num_layers", "n_layers");
      int heads = fields.required("num_attention_heads", "n_head", "num_heads", "n_heads");
      int kvHeads = keyValueHeads(heads);
      MlaFacts mla = mla();
      int headDim =
          mla != null ? mla.qkNopeHeadDim() + mla.qkRopeHeadDim() : headDim(hidden, heads);
      BlockDetails block = block();
      int intermediate = intermediate(hidden, block.gatedMlp());
      int vocab = vocab();
      int maxPositions = maxPositions();
      boolean tied = tied();
      MoeFacts moe = moe(layers, intermediate);
      AttentionLayout attention = new LayerPatterns(fields, arch, notes).read(layers, maxPositions);
      LinearAttentionFacts linear =
          attention.count(LayerKind.LINEAR_ATTENTION) > 0 ? linearAttention() : null;
      MambaFacts mamba = attention.count(LayerKind.MAMBA) > 0 ? mamba(hidden) : null;

      String id = givenId;
      if (id == null || id.isBlank()) {
        id = fields.string("_name_or_path");
        if (id == null || id.isBlank()) {
          id = "unknown";
        }
      }
      ModelFacts facts =
          new ModelFacts(
              id.trim(),
              arch.family(modelType),
              architecture,
              modelType,
              hidden,
              layers,
              heads,
              kvHeads,
              headDim,
              intermediate,
              vocab,
              maxPositions,
              tied,
              block,
              moe,
              attention,
              mla,
              linear,
              mamba,
              null,
              notes);
      return facts.withParameters(ParameterCounter.count(facts));
    }

    private static String guessModelType(String architecture) {
      String name =
          architecture
              .replaceAll("(For(CausalLM|ConditionalGeneration)|LMHeadModel|Model)$", "")
              .toLowerCase(Locale.ROOT);
      return name.isEmpty() ? "unknown" : name;
    }

    private int keyValueHeads(int heads) throws ConfigJsonException {
      Integer kv =
          fields.optional("num_key_value_heads", "num_kv_heads", "n_head_kv", "n_kv_heads");
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

    private int headDim(int hidden, int heads) throws ConfigJsonException {
      Integer dim = fields.optional("head_dim", "kv_channels", "attention_head_dim", "d_head");
      if (dim != null) {
        return dim;
      }
      if (arch == Architecture.GEMMA
          || arch == Architecture.GEMMA2
          || arch == Architecture.GEMMA3) {
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

    private BlockDetails block() throws ConfigJsonException {
      boolean attentionBias = fields.bool("attention_bias", false);
      boolean mlpBias = fields.bool("mlp_bias", false);
      return switch (arch) {
        case QWEN2, QWEN2_MOE ->
            // Qwen2 always builds biased q/k/v projections; the config has no field for it.
            new BlockDetails(true, true, false, false, false, false, false, 2, false);
        case QWEN3, QWEN3_MOE ->
            new BlockDetails(
                true, attentionBias, attentionBias, false, true, false, false, 2, false);
        case QWEN3_NEXT -> new BlockDetails(true, false, false, false, true, true, false, 2, false);
        case GEMMA -> new BlockDetails(true, false, false, false, false, false, false, 2, false);
        case GEMMA2 -> new BlockDetails(true, false, false, false, false, false, false, 4, false);
        case GEMMA3 -> new BlockDetails(true, false, false, false, true, false, false, 4, false);
        case GPT_OSS ->
            new BlockDetails(
                true, attentionBias, attentionBias, false, false, false, true, 2, false);
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
          fields.bool("new_decoder_architecture", false)
              || "refinedweb".equalsIgnoreCase(modelType);
      boolean parallel = fields.bool("parallel_attn", true);
      int norms = newArchitecture || !parallel ? 2 : 1;
      return new BlockDetails(false, bias, bias, bias, false, false, false, norms, true);
    }

    private int intermediate(int hidden, boolean gated) throws ConfigJsonException {
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

    private int vocab() throws ConfigJsonException {
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

    private int maxPositions() throws ConfigJsonException {
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

    private boolean tied() throws ConfigJsonException {
      JsonNode node = fields.field("tie_word_embeddings");
      if (node == null && fields.nested()) {
        node = fields.rootField("tie_word_embeddings");
      }
      if (node != null) {
        return ConfigFields.asBool("tie_word_embeddings", node);
      }
      return arch.tiedByDefault();
    }

    private MlaFacts mla() throws ConfigJsonException {
      if (fields.optional("kv_lora_rank") == null) {
        if (arch == Architecture.DEEPSEEK) {
          return new MlaFacts(
              0,
              fields.required("kv_lora_rank"),
              fields.required("qk_nope_head_dim"),
              fields.required("qk_rope_head_dim"),
              fields.required("v_head_dim"));
        }
        return null;
      }
      Integer qRank = fields.optional("q_lora_rank");
      return new MlaFacts(
          qRank == null ? 0 : qRank,
          fields.required("kv_lora_rank"),
          fields.required("qk_nope_head_dim"),
          fields.required("qk_rope_head_dim"),
          fields.required("v_head_dim"));
    }

    private MoeFacts moe(int layers, int intermediate) throws ConfigJsonException {
      Integer experts =
          fields.optional(
              "num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts");
      if (experts == null || experts < 2) {
        return null;
      }
      int perToken =
          fields.required(
              "num_experts_per_tok",
              "experts_per_token",
              "num_selected_experts",
              "moe_top_k",
              "top_k_experts");
      Integer moeSize = fields.optional("moe_intermediate_size", "expert_intermediate_size");
      int expertSize = moeSize != null ? moeSize : intermediate;
      Integer sharedCount = fields.optional("n_shared_experts", "num_shared_experts");
      Integer sharedSize = fields.optional("shared_expert_intermediate_size");
      int numShared = sharedCount == null ? 0 : sharedCount;
      int sharedWidth = 0;
      if (sharedSize != null) {
        numShared = Math.max(numShared, 1);
        sharedWidth = sharedSize;
      } else if (numShared > 0) {
        sharedWidth = expertSize; // DeepSeek: each shared expert is as wide as a routed one
      }
      Integer firstK = fields.optional("first_k_dense_replace");
      int firstDense = firstK == null ? 0 : firstK;
      List<Integer> dense = denseLayers(layers, firstDense);
      boolean routerBias =
          arch == Architecture.GPT_OSS
              || "noaux_tc".equals(fields.string("topk_method")); // DeepSeek-V3's correction bias
      return new MoeFacts(
          experts,
          perToken,
          expertSize,
          numShared,
          sharedWidth,
          firstDense,
          dense,
          arch == Architecture.GPT_OSS,
          routerBias,
          arch == Architecture.QWEN2_MOE || arch == Architecture.QWEN3_NEXT);
    }

    private List<Integer> denseLayers(int layers, int firstDense) throws ConfigJsonException {
      Set<Integer> mlpOnly = new HashSet<>();
      JsonNode listed = fields.field("mlp_only_layers");
      if (listed != null) {
        if (!listed.isArray()) {
          throw new ConfigJsonException("mlp_only_layers", "mlp_only_layers must be a list");
        }
        for (JsonNode index : listed) {
          mlpOnly.add(ConfigFields.asInt("mlp_only_layers", index));
        }
      }
      int step = 1;
      int offset = 0;
      boolean qwenStep = false;
      if (arch == Architecture.JAMBA) {
        step = fields.positiveOr("expert_layer_period", 2);
        offset = fields.orDefault("expert_layer_offset", 1);
      } else if (arch == Architecture.DEEPSEEK) {
        step = fields.positiveOr("moe_layer_freq", 1);
      } else {
        step = fields.positiveOr("decoder_sparse_step", 1);
        qwenStep = true;
      }
      List<Integer> dense = new ArrayList<>();
      for (int i = 0; i < layers; i++) {
        boolean routed;
        if (qwenStep) {
          routed = (i + 1) % step == 0; // Qwen2-MoE: (layer_idx + 1) % decoder_sparse_step == 0
        } else {
          routed = i % step == offset; // DeepSeek: layer_idx % moe_layer_freq == 0; Jamba: offset
        }
        if (i < firstDense || mlpOnly.contains(i) || !routed) {
          dense.add(i);
        }
      }
      return dense;
    }

    private LinearAttentionFacts linearAttention() throws ConfigJsonException {
      return new LinearAttentionFacts(
          fields.required("linear_num_key_heads"),
          fields.required("linear_num_value_heads"),
          fields.required("linear_key_head_dim"),
          fields.required("linear_value_head_dim"),
          fields.positiveOr("linear_conv_kernel_dim", 4));
    }

    private MambaFacts mamba(int hidden) throws ConfigJsonException {
      int expand = fields.positiveOr("mamba_expand", 2);
      JsonNode rank = fields.field("mamba_dt_rank");
      int dtRank;
      if (rank == null || (rank.isTextual() && rank.asText().equalsIgnoreCase("auto"))) {
        dtRank = (hidden + 15) / 16; // Mamba's "auto": ceil(d_model / 16)
      } else {
        dtRank = ConfigFields.asPositiveInt("mamba_dt_rank", rank);
      }
      return new MambaFacts(
          expand * hidden,
          fields.positiveOr("mamba_d_state", 16),
          fields.positiveOr("mamba_d_conv", 4),
          dtRank,
          fields.bool("mamba_conv_bias", true),
          fields.bool("mamba_proj_bias", false));
    }
  }
}
