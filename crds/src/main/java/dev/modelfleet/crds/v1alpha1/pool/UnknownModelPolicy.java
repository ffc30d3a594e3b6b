package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a pool does with a model that no registry source knows. */
public enum UnknownModelPolicy {
  @JsonProperty("allow")
  ALLOW,
  @JsonProperty("warn")
  WARN,
  @JsonProperty("reject")
  REJECT
}
