package dev.modelfleet.crds.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What every ModelFleet status carries: the generation it describes and standard conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFleetStatus {

  @JsonPropertyDescription(
      "The metadata.generation this status describes. The resource is Ready only when this"
          + " equals metadata.generation and the Ready condition is True.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Standard Kubernetes conditions (type, status, reason, message, observedGeneration,"
          + " lastTransitionTime). Ready summarises the resource.")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : conditions;
  }

  /** The condition of the given type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
  }
}
