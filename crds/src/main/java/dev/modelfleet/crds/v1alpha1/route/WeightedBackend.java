package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** A backend that takes a weighted share of traffic: a pool model or an external endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolModel) != has(self.external)",
    message = "each backend must set exactly one of poolModel or external")
public class WeightedBackend {

  @JsonPropertyDescription("A model (or one of its adapters) a ModelPool serves.")
  private ServedModelRef poolModel;

  @JsonPropertyDescription("An external OpenAI-compatible endpoint.")
  private ExternalBackend external;

  @Min(0)
  @Max(100)
  @Default("1")
  @JsonPropertyDescription(
      "Relative share of requests among the healthy backends, 0 to 100 (default 1). 0"
          + " takes the backend out of rotation.")
  private Integer weight = 1;

  public ServedModelRef getPoolModel() {
    return poolModel;
  }

  public void setPoolModel(ServedModelRef poolModel) {
    this.poolModel = poolModel;
  }

  public ExternalBackend getExternal() {
    return external;
  }

  public void setExternal(ExternalBackend external) {
    this.external = external;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }
}
