package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Loss figures the trainer reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrainingLoss {

  @JsonPropertyDescription("Training loss at the first logged step.")
  private Double initialTrainLoss;

  @JsonPropertyDescription("Training loss at the last logged step.")
  private Double finalTrainLoss;

  @JsonPropertyDescription("Loss on the held-out split at the end, if one was used.")
  private Double finalEvalLoss;

  @JsonPropertyDescription("Optimizer steps taken.")
  private Integer steps;

  @JsonPropertyDescription("Epochs completed (fractional when stopped early).")
  private Double epochs;

  public Double getInitialTrainLoss() {
    return initialTrainLoss;
  }

  public void setInitialTrainLoss(Double initialTrainLoss) {
    this.initialTrainLoss = initialTrainLoss;
  }

  public Double getFinalTrainLoss() {
    return finalTrainLoss;
  }

  public void setFinalTrainLoss(Double finalTrainLoss) {
    this.finalTrainLoss = finalTrainLoss;
  }

  public Double getFinalEvalLoss() {
    return finalEvalLoss;
  }

  public void setFinalEvalLoss(Double finalEvalLoss) {
    this.finalEvalLoss = finalEvalLoss;
  }

  public Integer getSteps() {
    return steps;
  }

  public void setSteps(Integer steps) {
    this.steps = steps;
  }

  public Double getEpochs() {
    return epochs;
  }

  public void setEpochs(Double epochs) {
    this.epochs = epochs;
  }
}
