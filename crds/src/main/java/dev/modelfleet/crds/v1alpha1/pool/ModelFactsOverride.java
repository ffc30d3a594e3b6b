package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Corrections to what the model registry knows about a model; they win over every other source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.activeParametersB) || !has(self.parametersB) ||"
            + " self.activeParametersB <= self.parametersB",
    message = "overrides.activeParametersB must not exceed overrides.parametersB")
@ValidationRule(
    value =
        "!has(self.kvHeads) || !has(self.attentionHeads) || self.kvHeads <="
            + " self.attentionHeads",
    message = "overrides.kvHeads must not exceed overrides.attentionHeads")
@ValidationRule(
    value =
        "!has(self.expertsPerToken) || (has(self.experts) && self.expertsPerToken <="
            + " self.experts)",
    message = "overrides.expertsPerToken needs overrides.experts and must not exceed it")
public class ModelFactsOverride {

  @Size(max = 63)
  @Pattern(Patterns.FAMILY)
  @JsonPropertyDescription("Model family, e.g. llama, qwen2, mistral. Matched by allowedFamilies.")
  private String family;

  @Size(max = 128)
  @Pattern("^[A-Za-z][A-Za-z0-9_]*$")
  @JsonPropertyDescription("Architecture class from config.json, e.g. LlamaForCausalLM.")
  private String architecture;

  @Min(value = 0, inclusive = false)
  @JsonPropertyDescription("Total parameters, in billions.")
  private Double parametersB;

  @Min(value = 0, inclusive = false)
  @JsonPropertyDescription(
      "Parameters active per token, in billions (mixture-of-experts models); at most"
          + " parametersB.")
  private Double activeParametersB;

  @Min(1)
  @JsonPropertyDescription("Transformer layers (num_hidden_layers).")
  private Integer layers;

  @Min(1)
  @JsonPropertyDescription("Hidden size (hidden_size).")
  private Integer hiddenSize;

  @Min(1)
  @JsonPropertyDescription("Attention heads (num_attention_heads).")
  private Integer attentionHeads;

  @Min(1)
  @JsonPropertyDescription("Key-value heads (num_key_value_heads); at most attentionHeads.")
  private Integer kvHeads;

  @Min(1)
  @JsonPropertyDescription("Dimension of one attention head (head_dim).")
  private Integer headDim;

  @Min(1)
  @JsonPropertyDescription("Vocabulary size (vocab_size).")
  private Integer vocabSize;

  @Min(1)
  @JsonPropertyDescription(
      "Longest context the model supports (max_position_embeddings), in tokens.")
  private Integer maxContextLength;

  @Min(0)
  @JsonPropertyDescription("Routed experts per MoE layer (0 or unset for dense models).")
  private Integer experts;

  @Min(1)
  @JsonPropertyDescription("Experts each token is routed to; at most experts.")
  private Integer expertsPerToken;

  @Min(0)
  @JsonPropertyDescription("Size of the weights on disk for this quantization, in GiB.")
  private Double diskGiB;

  @Size(max = 128)
  @JsonPropertyDescription("License identifier, e.g. apache-2.0 or llama3.1.")
  private String license;

  @JsonPropertyDescription("True when the repository needs an accepted licence and a token.")
  private Boolean gated;

  public String getFamily() {
    return family;
  }

  public void setFamily(String family) {
    this.family = family;
  }

  public String getArchitecture() {
    return architecture;
  }

  public void setArchitecture(String architecture) {
    this.architecture = architecture;
  }

  public Double getParametersB() {
    return parametersB;
  }

  public void setParametersB(Double parametersB) {
    this.parametersB = parametersB;
  }

  public Double getActiveParametersB() {
    return activeParametersB;
  }

  public void setActiveParametersB(Double activeParametersB) {
    this.activeParametersB = activeParametersB;
  }

  public Integer getLayers() {
    return layers;
  }

  public void setLayers(Integer layers) {
    this.layers = layers;
  }

  public Integer getHiddenSize() {
    return hiddenSize;
  }

  public void setHiddenSize(Integer hiddenSize) {
    this.hiddenSize = hiddenSize;
  }

  public Integer getAttentionHeads() {
    return attentionHeads;
  }

  public void setAttentionHeads(Integer attentionHeads) {
    this.attentionHeads = attentionHeads;
  }

  public Integer getKvHeads() {
    return kvHeads;
  }

  public void setKvHeads(Integer kvHeads) {
    this.kvHeads = kvHeads;
  }

  public Integer getHeadDim() {
    return headDim;
  }

  public void setHeadDim(Integer headDim) {
    this.headDim = headDim;
  }

  public Integer getVocabSize() {
    return vocabSize;
  }

  public void setVocabSize(Integer vocabSize) {
    this.vocabSize = vocabSize;
  }

  public Integer getMaxContextLength() {
    return maxContextLength;
  }

  public void setMaxContextLength(Integer maxContextLength) {
    this.maxContextLength = maxContextLength;
  }

  public Integer getExperts() {
    return experts;
  }

  public void setExperts(Integer experts) {
    this.experts = experts;
  }

  public Integer getExpertsPerToken() {
    return expertsPerToken;
  }

  public void setExpertsPerToken(Integer expertsPerToken) {
    this.expertsPerToken = expertsPerToken;
  }

  public Double getDiskGiB() {
    return diskGiB;
  }

  public void setDiskGiB(Double diskGiB) {
    this.diskGiB = diskGiB;
  }

  public String getLicense() {
    return license;
  }

  public void setLicense(String license) {
    this.license = license;
  }

  public Boolean getGated() {
    return gated;
  }

  public void setGated(Boolean gated) {
    this.gated = gated;
  }
}
