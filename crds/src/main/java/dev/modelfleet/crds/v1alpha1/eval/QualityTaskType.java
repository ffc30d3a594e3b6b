package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a quality sample's answer is scored. */
public enum QualityTaskType {
  @JsonProperty("exact-match")
  EXACT_MATCH,
  @JsonProperty("multiple-choice")
  MULTIPLE_CHOICE,
  @JsonProperty("pass@1")
  PASS_AT_1
}
