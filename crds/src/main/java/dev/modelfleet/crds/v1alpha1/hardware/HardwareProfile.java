package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ApiGroup;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A class of nodes (same GPU product, GPUs per node and GPU memory). Cluster-scoped. Detected from
 * Node labels by the operator, or written by a person as an override that wins over detection.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("HardwareProfile")
@Plural("hardwareprofiles")
@ShortNames({"hwp", "hwprofile"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_JSON_PATH)
@AdditionalPrinterColumn(name = "Vendor", jsonPath = ".spec.gpu.vendor")
@AdditionalPrinterColumn(name = "Product", jsonPath = ".spec.gpu.product")
@AdditionalPrinterColumn(
    name = "GPUs/Node",
    jsonPath = ".spec.gpu.countPerNode",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "GiB/GPU",
    jsonPath = ".spec.gpu.memoryGiB",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Nodes",
    jsonPath = ".status.nodeCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Source", jsonPath = ".status.source")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class HardwareProfile extends CustomResource<HardwareProfileSpec, HardwareProfileStatus> {

  /** Label on profiles the operator detected; remove it to take a profile over by hand. */
  public static final String DETECTED_LABEL = ApiGroup.GROUP + "/detected";

  @Override
  @JsonPropertyDescription(
      "The class of nodes: its GPUs, model-cache disk, price and node selector. Written by the"
          + " operator for detected profiles, by a person for overrides.")
  public HardwareProfileSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Written by the operator: the nodes matched, their totals, detection confidence and"
          + " conditions.")
  public HardwareProfileStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected HardwareProfileStatus initStatus() {
    return new HardwareProfileStatus();
  }

  /** True when the operator created this profile from Node labels. */
  @JsonIgnore
  public boolean isDetected() {
    return getMetadata() != null
        && getMetadata().getLabels() != null
        && "true".equals(getMetadata().getLabels().get(DETECTED_LABEL));
  }
}
