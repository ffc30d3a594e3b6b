package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An OpenAI-compatible endpoint outside the pools. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalBackend {

  @Required
  @Size(max = 2048)
  @Pattern(Patterns.HTTP_URL)
  @JsonPropertyDescription(
      "Base URL of the OpenAI-compatible API, up to and including /v1, e.g."
          + " https://api.openai.com/v1.")
  private String url;

  @Size(max = 128)
  @Pattern(Patterns.OPENAI_MODEL)
  @JsonPropertyDescription("Model name to send upstream. Defaults to the route's model.")
  private String model;

  @JsonPropertyDescription("Secret key holding the endpoint's API key, sent as a Bearer token.")
  private SecretKeyRef apiKeySecretRef;

  @Default("false")
  @JsonPropertyDescription(
      "True when your organisation runs this endpoint (not a third-party API); routes"
          + " with privacyTier internal may use only such external endpoints.")
  private Boolean internal = false;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public SecretKeyRef getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeyRef apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public Boolean getInternal() {
    return internal;
  }

  public void setInternal(Boolean internal) {
    this.internal = internal;
  }
}
