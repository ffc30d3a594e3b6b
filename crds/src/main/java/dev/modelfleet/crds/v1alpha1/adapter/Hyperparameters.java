package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** LoRA training settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Hyperparameters {

  @Min(1)
  @Max(512)
  @Default("16")
  @JsonPropertyDescription("LoRA rank r, 1 to 512 (default 16).")
  private Integer rank = 16;

  @Min(1)
  @Max(4096)
  @Default("32")
  @JsonPropertyDescription("LoRA alpha scaling (default 32).")
  private Integer alpha = 32;

  @Min(0)
  @Max(value = 1, inclusive = false)
  @Default("0.05")
  @JsonPropertyDescription("LoRA dropout, at least 0 and below 1 (default 0.05).")
  private Double dropout = 0.05;

  @Size(max = 32)
  @JsonPropertyDescription(
      "Module names to adapt, e.g. q_proj and v_proj. Empty means all linear layers.")
  private List<@Pattern(Patterns.MODULE_NAME) @Size(max = 253) String> targetModules =
      new ArrayList<>();

  @Min(1)
  @Max(100)
  @Default("1")
  @JsonPropertyDescription("Passes over the dataset (default 1).")
  private Integer epochs = 1;

  @Min(value = 0, inclusive = false)
  @Max(1)
  @Default("0.0002")
  @JsonPropertyDescription("Peak learning rate, above 0 and at most 1 (default 0.0002).")
  private Double learningRate = 0.0002;

  @Min(1)
  @Max(1024)
  @Default("4")
  @JsonPropertyDescription("Samples per device per step (default 4).")
  private Integer batchSize = 4;

  @Min(64)
  @Max(1048576)
  @Default("2048")
  @JsonPropertyDescription("Longest training sequence, in tokens (default 2048).")
  private Integer maxSequenceLength = 2048;

  public Integer getRank() {
    return rank;
  }

  public void setRank(Integer rank) {
    this.rank = rank;
  }

  public Integer getAlpha() {
    return alpha;
  }

  public void setAlpha(Integer alpha) {
    this.alpha = alpha;
  }

  public Double getDropout() {
    return dropout;
  }

  public void setDropout(Double dropout) {
    this.dropout = dropout;
  }

  public List<String> getTargetModules() {
    return targetModules;
  }

  public void setTargetModules(List<String> targetModules) {
    this.targetModules = targetModules == null ? new ArrayList<>() : targetModules;
  }

  public Integer getEpochs() {
    return epochs;
  }

  public void setEpochs(Integer epochs) {
    this.epochs = epochs;
  }

  public Double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(Double learningRate) {
    this.learningRate = learningRate;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Integer getMaxSequenceLength() {
    return maxSequenceLength;
  }

  public void setMaxSequenceLength(Integer maxSequenceLength) {
    this.maxSequenceLength = maxSequenceLength;
  }
}
