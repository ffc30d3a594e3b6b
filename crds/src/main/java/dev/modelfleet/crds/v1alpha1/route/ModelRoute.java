package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ApiGroup;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An OpenAI-compatible model name mapped to pool models or external endpoints, with weights,
 * fallbacks, timeouts, retries, a privacy tier and the API keys that may call it.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ModelRoute")
@Plural("modelroutes")
@ShortNames({"mr"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_JSON_PATH)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.model")
@AdditionalPrinterColumn(name = "Privacy", jsonPath = ".spec.privacyTier")
@AdditionalPrinterColumn(
    name = "Backends",
    jsonPath = ".status.backendCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Available",
    jsonPath = ".status.readyBackends",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ModelRoute extends CustomResource<ModelRouteSpec, ModelRouteStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription(
      "The model name clients send, the backends it maps to, and"
          + " the route's limits, privacy tier and callers.")
  public ModelRouteSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Written by the operator: the backends as resolved, their readiness, and conditions.")
  public ModelRouteStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected ModelRouteStatus initStatus() {
    return new ModelRouteStatus();
  }
}
