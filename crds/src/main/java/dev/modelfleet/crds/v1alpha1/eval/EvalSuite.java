package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an EvalRun measures. */
public enum EvalSuite {
  @JsonProperty("latency")
  LATENCY,
  @JsonProperty("quality")
  QUALITY,
  @JsonProperty("lm-eval")
  LM_EVAL
}
