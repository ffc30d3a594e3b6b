package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ModelFleetStatus;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import java.util.ArrayList;
import java.util.List;

/** The run's Job, its progress and its results. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvalRunStatus extends ModelFleetStatus {

  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  private RunPhase phase;

  @JsonPropertyDescription("Name of the Job running the suite.")
  private String jobName;

  @JsonPropertyDescription("When the Job started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the Job finished (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Measured figures, each with its unit.")
  private List<EvalMetric> results = new ArrayList<>();

  @JsonPropertyDescription("What was measured, shared by every result.")
  private EvalProvenance provenance;

  @JsonPropertyDescription(
      "ConfigMap holding the full results JSON when too large for the termination" + " message.")
  private String resultsConfigMap;

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

  public List<EvalMetric> getResults() {
    return results;
  }

  public void setResults(List<EvalMetric> results) {
    this.results = results == null ? new ArrayList<>() : results;
  }

  public EvalProvenance getProvenance() {
    return provenance;
  }

  public void setProvenance(EvalProvenance provenance) {
    this.provenance = provenance;
  }

  public String getResultsConfigMap() {
    return resultsConfigMap;
  }

  public void setResultsConfigMap(String resultsConfigMap) {
    this.resultsConfigMap = resultsConfigMap;
  }
}
