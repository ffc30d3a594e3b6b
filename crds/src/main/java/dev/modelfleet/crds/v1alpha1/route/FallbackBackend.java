package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A backend tried, in order, when the weighted backends fail: a pool model or an external endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolModel) != has(self.external)",
    message = "each fallback must set exactly one of poolModel or external")
public class FallbackBackend {

  @JsonPropertyDescription("A model (or one of its adapters) a ModelPool serves.")
  private ServedModelRef poolModel;

  @JsonPropertyDescription("An external OpenAI-compatible endpoint.")
  private ExternalBackend external;

  public ServedModelRef getPoolModel() {
    return poolModel;
  }

  public void setPoolModel(ServedModelRef poolModel) {
    this.poolModel = poolModel;
  }

  public ExternalBackend getExternal() {
    return external;
  }

  public void setExternal(ExternalBackend external) {
    this.external = external;
  }
}
