package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a backend takes weighted traffic or is a fallback. */
public enum BackendRole {
  @JsonProperty("primary")
  PRIMARY,
  @JsonProperty("fallback")
  FALLBACK
}
