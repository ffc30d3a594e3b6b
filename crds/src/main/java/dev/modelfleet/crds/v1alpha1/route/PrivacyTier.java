package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a route's prompts may go. */
public enum PrivacyTier {
  @JsonProperty("public")
  PUBLIC,
  @JsonProperty("internal")
  INTERNAL,
  @JsonProperty("local-only")
  LOCAL_ONLY
}
