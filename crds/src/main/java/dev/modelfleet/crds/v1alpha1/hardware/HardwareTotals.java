package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the matched nodes add up to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HardwareTotals {

  @JsonPropertyDescription("Schedulable GPUs (or MIG slices, or replicas) in node capacity.")
  private Integer gpus;

  @JsonPropertyDescription("Schedulable GPUs in node allocatable (capacity less reservations).")
  private Integer allocatableGpus;

  @JsonPropertyDescription(
      "GPU memory over all matched nodes in GiB, counting shared replicas once.")
  private Double vramGiB;

  public HardwareTotals() {}

  public HardwareTotals(Integer gpus, Integer allocatableGpus, Double vramGiB) {
    this.gpus = gpus;
    this.allocatableGpus = allocatableGpus;
    this.vramGiB = vramGiB;
  }

  public Integer getGpus() {
    return gpus;
  }

  public void setGpus(Integer gpus) {
    this.gpus = gpus;
  }

  public Integer getAllocatableGpus() {
    return allocatableGpus;
  }

  public void setAllocatableGpus(Integer allocatableGpus) {
    this.allocatableGpus = allocatableGpus;
  }

  public Double getVramGiB() {
    return vramGiB;
  }

  public void setVramGiB(Double vramGiB) {
    this.vramGiB = vramGiB;
  }
}
