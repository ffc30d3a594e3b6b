package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The inference engine that serves a model. */
public enum Engine {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("vllm")
  VLLM,
  @JsonProperty("sglang")
  SGLANG,
  @JsonProperty("ollama")
  OLLAMA
}
