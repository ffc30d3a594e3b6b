package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Limits the pool's placement stays within. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolBudgets {

  @Min(0)
  @JsonPropertyDescription(
      "Model-cache disk the pool may use on each node, in GiB. Unset means the"
          + " HardwareProfile's modelCacheDiskGiB. Over budget, models are evicted by"
          + " lowest score, then least recently used, then oldest.")
  private Double diskGiBPerNode;

  @Min(value = 0, inclusive = false)
  @Max(1)
  @Default("0.9")
  @JsonPropertyDescription(
      "Share of each GPU's memory the pool may plan to use, above 0 and at most 1"
          + " (default 0.9); becomes vLLM's --gpu-memory-utilization and SGLang's"
          + " --mem-fraction-static.")
  private Double vramFraction = 0.9;

  public Double getDiskGiBPerNode() {
    return diskGiBPerNode;
  }

  public void setDiskGiBPerNode(Double diskGiBPerNode) {
    this.diskGiBPerNode = diskGiBPerNode;
  }

  public Double getVramFraction() {
    return vramFraction;
  }

  public void setVramFraction(Double vramFraction) {
    this.vramFraction = vramFraction;
  }
}
