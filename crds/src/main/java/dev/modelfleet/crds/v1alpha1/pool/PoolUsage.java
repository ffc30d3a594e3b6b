package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the pool's placement uses against its budgets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolUsage {

  @JsonPropertyDescription("GPUs claimed by the pool's replicas.")
  private Integer gpus;

  @JsonPropertyDescription("GPU memory planned for the pool's replicas, in GiB.")
  private Double vramGiB;

  @JsonPropertyDescription("GPU memory the pool may plan on its nodes, in GiB.")
  private Double vramBudgetGiB;

  @JsonPropertyDescription("Model-cache disk used on the fullest node, in GiB.")
  private Double diskGiB;

  @JsonPropertyDescription("Model-cache disk budget per node, in GiB.")
  private Double diskBudgetGiB;

  public Integer getGpus() {
    return gpus;
  }

  public void setGpus(Integer gpus) {
    this.gpus = gpus;
  }

  public Double getVramGiB() {
    return vramGiB;
  }

  public void setVramGiB(Double vramGiB) {
    this.vramGiB = vramGiB;
  }

  public Double getVramBudgetGiB() {
    return vramBudgetGiB;
  }

  public void setVramBudgetGiB(Double vramBudgetGiB) {
    this.vramBudgetGiB = vramBudgetGiB;
  }

  public Double getDiskGiB() {
    return diskGiB;
  }

  public void setDiskGiB(Double diskGiB) {
    this.diskGiB = diskGiB;
  }

  public Double getDiskBudgetGiB() {
    return diskBudgetGiB;
  }

  public void setDiskBudgetGiB(Double diskBudgetGiB) {
    this.diskBudgetGiB = diskBudgetGiB;
  }
}
