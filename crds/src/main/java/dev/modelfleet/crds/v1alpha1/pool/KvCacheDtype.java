package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data type of the key-value cache. */
public enum KvCacheDtype {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("f16")
  F16,
  @JsonProperty("fp8")
  FP8,
  @JsonProperty("q8_0")
  Q8_0,
  @JsonProperty("q4_0")
  Q4_0
}
