package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** What a class of nodes offers: its GPUs, its model-cache disk, its price and which nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.gpu.vendor != 'none' || !has(self.costPerGpuHour) || self.costPerGpuHour == 0.0",
    message =
        "costPerGpuHour applies to GPU profiles only: use gpu.vendor nvidia or amd, or drop"
            + " costPerGpuHour")
public class HardwareProfileSpec {

  @Required
  @JsonPropertyDescription("The GPUs every node of this class carries.")
  private GpuSpec gpu;

  @Size(min = 1)
  @JsonPropertyDescription(
      "Node labels that select the nodes of this class (all must match). Detected profiles set"
          + " it from GPU Feature Discovery labels; an override must set at least one label.")
  private Map<String, String> nodeSelector;

  @Min(0)
  @JsonPropertyDescription(
      "Disk on each node available for the model cache, in GiB. Bounds how many models a node"
          + " keeps; a pool's own budgets.diskGiBPerNode may lower it.")
  private Double modelCacheDiskGiB;

  @Min(0)
  @JsonPropertyDescription(
      "What one GPU of this class costs per hour, in US dollars. Feeds the cost metrics.")
  private Double costPerGpuHour;

  public GpuSpec getGpu() {
    return gpu;
  }

  public void setGpu(GpuSpec gpu) {
    this.gpu = gpu;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public Double getModelCacheDiskGiB() {
    return modelCacheDiskGiB;
  }

  public void setModelCacheDiskGiB(Double modelCacheDiskGiB) {
    this.modelCacheDiskGiB = modelCacheDiskGiB;
  }

  public Double getCostPerGpuHour() {
    return costPerGpuHour;
  }

  public void setCostPerGpuHour(Double costPerGpuHour) {
    this.costPerGpuHour = costPerGpuHour;
  }
}
