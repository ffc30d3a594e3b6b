package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One fact the ranker used about a model, and where it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelFact {

  @JsonPropertyDescription("Fact name, e.g. parametersB, layers, kvHeads, maxContextLength.")
  private String name;

  @JsonPropertyDescription("The value, as text.")
  private String value;

  @JsonPropertyDescription("Where it came from: catalog, snapshot, hub, registry or override.")
  private String source;

  @JsonPropertyDescription("When the source observed it (RFC 3339).")
  private String observedAt;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }
}
