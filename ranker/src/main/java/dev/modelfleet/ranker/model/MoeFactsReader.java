package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the mixture-of-experts facts of a config.json: experts, routing and dense layers. */
final class MoeFactsReader {
  private final ConfigFields fields;
  private final Architecture arch;

  MoeFactsReader(ConfigFields fields, Architecture arch) {
    this.fields = fields;
    this.arch = arch;
  }

  MoeFacts moe(int layers, int intermediate) throws ConfigJsonException {
    Integer experts =
        fields.optional("num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts");
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
}
