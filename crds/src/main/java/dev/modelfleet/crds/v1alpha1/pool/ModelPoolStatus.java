package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ModelFleetStatus;
import java.util.ArrayList;
import java.util.List;

/** Where each model of the pool is placed and served, what was evicted, and the totals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelPoolStatus extends ModelFleetStatus {

  @JsonPropertyDescription("Models in spec.models.")
  private Integer modelCount;

  @JsonPropertyDescription("Models in phase Serving.")
  private Integer servingCount;

  @JsonPropertyDescription("Per model: phase, placement, estimates and reason.")
  private List<ModelStatus> models = new ArrayList<>();

  @JsonPropertyDescription("Recent evictions, newest first.")
  private List<Eviction> evictions = new ArrayList<>();

  @JsonPropertyDescription("GPUs, VRAM and disk used against the budgets.")
  private PoolUsage usage;

  public Integer getModelCount() {
    return modelCount;
  }

  public void setModelCount(Integer modelCount) {
    this.modelCount = modelCount;
  }

  public Integer getServingCount() {
    return servingCount;
  }

  public void setServingCount(Integer servingCount) {
    this.servingCount = servingCount;
  }

  public List<ModelStatus> getModels() {
    return models;
  }

  public void setModels(List<ModelStatus> models) {
    this.models = models == null ? new ArrayList<>() : models;
  }

  public List<Eviction> getEvictions() {
    return evictions;
  }

  public void setEvictions(List<Eviction> evictions) {
    this.evictions = evictions == null ? new ArrayList<>() : evictions;
  }

  public PoolUsage getUsage() {
    return usage;
  }

  public void setUsage(PoolUsage usage) {
    this.usage = usage;
  }
}
