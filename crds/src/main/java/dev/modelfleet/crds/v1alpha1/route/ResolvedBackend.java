package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A backend of the route as the operator resolved it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResolvedBackend {

  @JsonPropertyDescription("pool/model[/adapter] for a pool model, or the URL for an external one.")
  private String name;

  @JsonPropertyDescription("primary (weighted) or fallback.")
  private BackendRole role;

  @JsonPropertyDescription("The backend's weight (primary backends).")
  private Integer weight;

  @JsonPropertyDescription("True when the backend can take requests now.")
  private Boolean ready;

  @JsonPropertyDescription("Ready endpoints behind a pool model's Service.")
  private Integer readyEndpoints;

  @JsonPropertyDescription("Why it is not ready, CamelCase (e.g. PoolNotFound, ModelNotServing).")
  private String reason;

  @JsonPropertyDescription("A readable explanation.")
  private String message;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public BackendRole getRole() {
    return role;
  }

  public void setRole(BackendRole role) {
    this.role = role;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public Boolean getReady() {
    return ready;
  }

  public void setReady(Boolean ready) {
    this.ready = ready;
  }

  public Integer getReadyEndpoints() {
    return readyEndpoints;
  }

  public void setReadyEndpoints(Integer readyEndpoints) {
    this.readyEndpoints = readyEndpoints;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
