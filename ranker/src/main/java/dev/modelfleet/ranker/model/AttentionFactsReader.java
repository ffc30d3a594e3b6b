package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads how a config.json lays out attention: the per-layer layout (via {@link LayerPatterns}),
 * multi-head latent attention, linear attention and Mamba layers.
 */
final class AttentionFactsReader {
  private final ConfigFields fields;
  private final Architecture arch;
  private final List<String> notes;

  AttentionFactsReader(ConfigFields fields, Architecture arch, List<String> notes) {
    this.fields = fields;
    this.arch = arch;
    this.notes = notes;
  }

  /** Which kind each layer is, and the attention windows. */
  AttentionLayout layout(int layers, int maxPositions) throws ConfigJsonException {
    return new LayerPatterns(fields, arch, notes).read(layers, maxPositions);
  }

  MlaFacts mla() throws ConfigJsonException {
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

  LinearAttentionFacts linearAttention() throws ConfigJsonException {
    return new LinearAttentionFacts(
        fields.required("linear_num_key_heads"),
        fields.required("linear_num_value_heads"),
        fields.required("linear_key_head_dim"),
        fields.required("linear_value_head_dim"),
        fields.positiveOr("linear_conv_kernel_dim", 4));
  }

  MambaFacts mamba(int hidden) throws ConfigJsonException {
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
