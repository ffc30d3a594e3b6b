package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ModelFleetStatus;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;

/** The training Job, its results and where they went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdapterRunStatus extends ModelFleetStatus {

  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  private RunPhase phase;

  @JsonPropertyDescription("Name of the training Job.")
  private String jobName;

  @JsonPropertyDescription("When the Job started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the Job finished (RFC 3339).")
  private String completionTime;

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

  public RunPhase getPhase() {
    return phase;
  }

  public void setPhase(RunPhase phase) {
    this.phase = phase;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

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
