package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an adapter is trained. */
public enum TrainingMethod {
  @JsonProperty("lora")
  LORA,
  @JsonProperty("qlora")
  QLORA
}
