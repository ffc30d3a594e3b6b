package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/**
 * What the route's tokens cost, for the cost metrics. Without it, pool backends are costed from
 * their HardwareProfile's costPerGpuHour.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoutePricing {

  @Min(0)
  @JsonPropertyDescription("US dollars per million prompt tokens.")
  private Double usdPerMillionInputTokens;

  @Min(0)
  @JsonPropertyDescription("US dollars per million completion tokens.")
  private Double usdPerMillionOutputTokens;

  public Double getUsdPerMillionInputTokens() {
    return usdPerMillionInputTokens;
  }

  public void setUsdPerMillionInputTokens(Double usdPerMillionInputTokens) {
    this.usdPerMillionInputTokens = usdPerMillionInputTokens;
  }

  public Double getUsdPerMillionOutputTokens() {
    return usdPerMillionOutputTokens;
  }

  public void setUsdPerMillionOutputTokens(Double usdPerMillionOutputTokens) {
    this.usdPerMillionOutputTokens = usdPerMillionOutputTokens;
  }
}
