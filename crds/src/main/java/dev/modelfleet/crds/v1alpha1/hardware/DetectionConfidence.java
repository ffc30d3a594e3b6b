package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How sure the operator is of a profile's GPU facts. */
public enum DetectionConfidence {
  @JsonProperty("high")
  HIGH,
  @JsonProperty("low")
  LOW
}
