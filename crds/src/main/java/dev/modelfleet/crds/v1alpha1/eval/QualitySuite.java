package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Tasks scored from a JSONL dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QualitySuite {

  @Required
  @JsonPropertyDescription("Where the samples come from.")
  private QualityDataset dataset;

  @Required
  @JsonPropertyDescription(
      "How answers are scored: exact-match, multiple-choice, or pass@1 (generated"
          + " code run against the sample's tests).")
  private QualityTaskType taskType;

  @Min(1)
  @JsonPropertyDescription("Score at most this many samples (all when unset).")
  private Integer limit;

  @Min(1)
  @Max(32768)
  @Default("256")
  @JsonPropertyDescription("Longest answer to generate, in tokens (default 256).")
  private Integer maxOutputTokens = 256;

  public QualityDataset getDataset() {
    return dataset;
  }

  public void setDataset(QualityDataset dataset) {
    this.dataset = dataset;
  }

  public QualityTaskType getTaskType() {
    return taskType;
  }

  public void setTaskType(QualityTaskType taskType) {
    this.taskType = taskType;
  }

  public Integer getLimit() {
    return limit;
  }

  public void setLimit(Integer limit) {
    this.limit = limit;
  }

  public Integer getMaxOutputTokens() {
    return maxOutputTokens;
  }

  public void setMaxOutputTokens(Integer maxOutputTokens) {
    this.maxOutputTokens = maxOutputTokens;
  }
}
