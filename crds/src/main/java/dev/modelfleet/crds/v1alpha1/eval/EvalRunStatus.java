package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.JobRunStatus;
import java.util.ArrayList;
import java.util.List;

/** The run's Job, its progress and its results. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvalRunStatus extends JobRunStatus {

  @JsonPropertyDescription("Measured figures, each with its unit.")
  private List<EvalMetric> results = new ArrayList<>();

  @JsonPropertyDescription("What was measured, shared by every result.")
  private EvalProvenance provenance;

  @JsonPropertyDescription(
      "ConfigMap holding the full results JSON when too large for the termination" + " message.")
  private String resultsConfigMap;

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
