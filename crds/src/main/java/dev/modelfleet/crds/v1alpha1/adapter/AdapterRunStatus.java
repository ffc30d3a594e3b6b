package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.JobRunStatus;

/** The training Job, its results and where they went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdapterRunStatus extends JobRunStatus {

  @JsonPropertyDescription("Where the adapter was written.")
  private AdapterArtifact artifact;

  @JsonPropertyDescription("Loss figures from the trainer.")
  private TrainingLoss loss;

  @JsonPropertyDescription("Base model, data and trainer used.")
  private AdapterProvenance provenance;

  @JsonPropertyDescription(
      "pool/model/adapter under which the pool serves the adapter, once registered.")
  private String registeredAs;

  @JsonPropertyDescription("The EvalRun started by evaluateAfter.")
  private String evalRunName;

  public AdapterArtifact getArtifact() {
    return artifact;
  }

  public void setArtifact(AdapterArtifact artifact) {
    this.artifact = artifact;
  }

  public TrainingLoss getLoss() {
    return loss;
  }

  public void setLoss(TrainingLoss loss) {
    this.loss = loss;
  }

  public AdapterProvenance getProvenance() {
    return provenance;
  }

  public void setProvenance(AdapterProvenance provenance) {
    this.provenance = provenance;
  }

  public String getRegisteredAs() {
    return registeredAs;
  }

  public void setRegisteredAs(String registeredAs) {
    this.registeredAs = registeredAs;
  }

  public String getEvalRunName() {
    return evalRunName;
  }

  public void setEvalRunName(String evalRunName) {
    this.evalRunName = evalRunName;
  }
}
