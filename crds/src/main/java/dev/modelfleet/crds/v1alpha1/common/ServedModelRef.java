package dev.modelfleet.crds.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** A model a ModelPool serves, optionally one of its LoRA adapters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServedModelRef extends PoolModelRef {

  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "Name of a LoRA adapter the pool serves on this model (from"
          + " spec.models[].adapters or a registered AdapterRun). Empty means the base"
          + " model.")
  private String adapter;

  public String getAdapter() {
    return adapter;
  }

  public void setAdapter(String adapter) {
    this.adapter = adapter;
  }
}
