package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.eval.QualitySuite;
import io.fabric8.generator.annotation.Required;

/** A quality EvalRun of the adapter, started once the pool serves it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluateAfter {

  @Required
  @JsonPropertyDescription("Dataset and scoring for the evaluation.")
  private QualitySuite quality;

  public QualitySuite getQuality() {
    return quality;
  }

  public void setQuality(QualitySuite quality) {
    this.quality = quality;
  }
}
