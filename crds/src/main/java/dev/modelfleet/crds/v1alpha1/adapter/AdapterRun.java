package dev.modelfleet.crds.v1alpha1.adapter;

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
 * A Job that trains a LoRA or QLoRA adapter for a model from a dataset; once trained, the adapter
 * can be served by a ModelPool and addressed by ModelRoutes.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("AdapterRun")
@Plural("adapterruns")
@ShortNames({"ar"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_JSON_PATH)
@AdditionalPrinterColumn(name = "Method", jsonPath = ".spec.method")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(
    name = "Loss",
    jsonPath = ".status.loss.finalTrainLoss",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Served-As", jsonPath = ".status.registeredAs")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AdapterRun extends CustomResource<AdapterRunSpec, AdapterRunStatus>
    implements Namespaced {

  @Override
  @JsonPropertyDescription(
      "The base model, dataset, method and hyperparameters to"
          + " train with, and where the adapter goes.")
  public AdapterRunSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Written by the operator: the Job, its phase, the artifact,"
          + " loss figures, provenance and conditions.")
  public AdapterRunStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected AdapterRunStatus initStatus() {
    return new AdapterRunStatus();
  }
}
