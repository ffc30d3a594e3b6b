package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI model name mapped to backends, with weights, fallbacks, limits, a privacy tier and who
 * may call it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.backends.exists(b, !has(b.weight) || b.weight > 0)",
    message = "at least one of backends[] needs a weight above 0")
@ValidationRule(
    value =
        "!has(self.privacyTier) || self.privacyTier != 'local-only' ||"
            + " (self.backends.all(b, !has(b.external)) && (!has(self.fallbacks) ||"
            + " self.fallbacks.all(f, !has(f.external))))",
    message =
        "privacyTier local-only allows pool models only: remove the external backends"
            + " and fallbacks or choose privacyTier internal or public")
@ValidationRule(
    value =
        "(has(self.privacyTier) ? self.privacyTier : 'internal') != 'internal' ||"
            + " (self.backends.all(b, !has(b.external) || (has(b.external.internal) &&"
            + " b.external.internal)) && (!has(self.fallbacks) || self.fallbacks.all(f,"
            + " !has(f.external) || (has(f.external.internal) && f.external.internal))))",
    message =
        "privacyTier internal allows only external endpoints with internal: true: mark"
            + " them internal or set privacyTier public")
public class ModelRouteSpec {

  @Required
  @Size(min = 1, max = 128)
  @Pattern(Patterns.OPENAI_MODEL)
  @JsonPropertyDescription(
      "The model name clients send in the request body's model field, e.g. chat or"
          + " llama-3.1-8b.")
  private String model;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("Backends that share the traffic by weight (1 to 16).")
  private List<WeightedBackend> backends = new ArrayList<>();

  @Size(max = 8)
  @JsonPropertyDescription(
      "Backends tried in order when the chosen backend fails (connection failure,"
          + " 5xx, 429 or timeout) and retries are spent.")
  private List<FallbackBackend> fallbacks = new ArrayList<>();

  @Min(1)
  @Max(3600)
  @Default("60")
  @JsonPropertyDescription(
      "Time limit per attempt, in seconds, until the first byte of the answer" + " (default 60).")
  private Integer timeoutSeconds = 60;

  @Min(0)
  @Max(5)
  @Default("1")
  @JsonPropertyDescription(
      "Further attempts on other healthy backends after a failure, 0 to 5 (default"
          + " 1), before the fallbacks. Never once a streamed answer has started.")
  private Integer retries = 1;

  @Default("internal")
  @JsonPropertyDescription(
      "Where prompts may go: public (any backend, third-party APIs included),"
          + " internal (default: pool models and external endpoints marked internal) or"
          + " local-only (pool models in this cluster only).")
  private PrivacyTier privacyTier = PrivacyTier.INTERNAL;

  @JsonPropertyDescription("Extra conditions, such as headers, a request must meet.")
  private RouteMatch match;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Secrets whose values are the API keys allowed to call this route. Empty means"
          + " any caller the gateway admits; otherwise a missing or wrong key gets 401 and"
          + " a key not listed here 403.")
  private List<ApiKeySecretRef> apiKeys = new ArrayList<>();

  @JsonPropertyDescription(
      "Price per million tokens, for the cost metrics (e.g. to compare with a hosted" + " API).")
  private RoutePricing pricing;

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public List<WeightedBackend> getBackends() {
    return backends;
  }

  public void setBackends(List<WeightedBackend> backends) {
    this.backends = backends == null ? new ArrayList<>() : backends;
  }

  public List<FallbackBackend> getFallbacks() {
    return fallbacks;
  }

  public void setFallbacks(List<FallbackBackend> fallbacks) {
    this.fallbacks = fallbacks == null ? new ArrayList<>() : fallbacks;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public PrivacyTier getPrivacyTier() {
    return privacyTier;
  }

  public void setPrivacyTier(PrivacyTier privacyTier) {
    this.privacyTier = privacyTier;
  }

  public RouteMatch getMatch() {
    return match;
  }

  public void setMatch(RouteMatch match) {
    this.match = match;
  }

  public List<ApiKeySecretRef> getApiKeys() {
    return apiKeys;
  }

  public void setApiKeys(List<ApiKeySecretRef> apiKeys) {
    this.apiKeys = apiKeys == null ? new ArrayList<>() : apiKeys;
  }

  public RoutePricing getPricing() {
    return pricing;
  }

  public void setPricing(RoutePricing pricing) {
    this.pricing = pricing;
  }
}
