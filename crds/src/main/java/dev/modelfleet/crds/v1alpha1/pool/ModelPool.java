package dev.modelfleet.crds.v1alpha1.pool;

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
 * The models a team wants served (Hugging Face repos or Ollama tags), with the pool's disk and VRAM
 * budgets and allow-lists. The operator ranks, places, serves and evicts them.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ModelPool")
@Plural("modelpools")
@ShortNames({"mp"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_JSON_PATH)
@AdditionalPrinterColumn(
    name = "Models",
    jsonPath = ".status.modelCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Serving",
    jsonPath = ".status.servingCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "GPUs",
    jsonPath = ".status.usage.gpus",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "VRAM-GiB",
    jsonPath = ".status.usage.vramGiB",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "DryRun",
    jsonPath = ".spec.dryRun",
    type = AdditionalPrinterColumn.Type.BOOLEAN,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ModelPool extends CustomResource<ModelPoolSpec, ModelPoolStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription(
      "The models to serve and the budgets and allow-lists they are served under.")
  public ModelPoolSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Written by the operator: where each model is placed and"
          + " served, evictions, usage and conditions.")
  public ModelPoolStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected ModelPoolStatus initStatus() {
    return new ModelPoolStatus();
  }
}
