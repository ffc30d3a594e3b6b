package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The GPUs of one class of nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.vendor == 'none' ? self.countPerNode == 0 : self.countPerNode >= 1",
    message = "countPerNode must be 0 when vendor is none, and at least 1 for a GPU vendor")
@ValidationRule(
    value = "!has(self.migProfile) || self.vendor == 'nvidia'",
    message = "migProfile is an NVIDIA feature: set vendor to nvidia or drop migProfile")
public class GpuSpec {

  @Required
  @JsonPropertyDescription("GPU vendor: nvidia, amd, or none for CPU-only nodes.")
  private GpuVendor vendor;

  @Pattern("^[A-Za-z0-9][A-Za-z0-9 ._()/+-]{0,127}$")
  @JsonPropertyDescription(
      "GPU product as the vendor's node labeller reports it, e.g. NVIDIA-H100-80GB-HBM3 or"
          + " AMD_Instinct_MI300X. Looked up in the GPU catalog for memory bandwidth.")
  private String product;

  @Pattern("^[a-z0-9.-]+/[a-z0-9._-]+$")
  @JsonPropertyDescription(
      "Extended resource a Pod requests to get one of these GPUs, e.g. nvidia.com/gpu,"
          + " nvidia.com/mig-1g.5gb (MIG mixed strategy) or amd.com/gpu. Empty for CPU-only"
          + " nodes.")
  private String resourceName;

  @JsonPropertyDescription("GPU architecture family as labelled, e.g. hopper, ampere, CDNA3.")
  private String family;

  @Required
  @Min(0)
  @Max(1024)
  @JsonPropertyDescription(
      "Schedulable GPUs per node: whole GPUs, MIG slices under the single strategy, or"
          + " time-sliced replicas.")
  private Integer countPerNode;

  @Min(0)
  @JsonPropertyDescription(
      "Memory of one schedulable GPU (or MIG slice) in GiB. Time-sliced replicas share it.")
  private Double memoryGiB;

  @Min(0)
  @JsonPropertyDescription(
      "Memory bandwidth of one GPU in GB/s. Taken from the GPU catalog when detected;"
          + " decode speed is bound by it.")
  private Double memoryBandwidthGBps;

  @Pattern("^[0-9]+\\.[0-9]+$")
  @JsonPropertyDescription("CUDA compute capability, e.g. 9.0 (NVIDIA only).")
  private String computeCapability;

  @Pattern("^([0-9]+c\\.)?[0-9]+g\\.[0-9]+gb([.+][a-z][a-z0-9.,+]*)?(-me)?$")
  @JsonPropertyDescription(
      "MIG profile of the slices this class schedules (e.g. 1g.5gb, 3g.20gb, 1g.10gb+me,"
          + " 1c.3g.40gb); empty for whole GPUs.")
  private String migProfile;

  @Min(1)
  @JsonPropertyDescription(
      "Time-slicing replicas per physical GPU (1 when GPUs are not shared). Replicas share one"
          + " GPU's memory and bandwidth.")
  private Integer sharedReplicas;

  public GpuVendor getVendor() {
    return vendor;
  }

  public void setVendor(GpuVendor vendor) {
    this.vendor = vendor;
  }

  public String getProduct() {
    return product;
  }

  public void setProduct(String product) {
    this.product = product;
  }

  public String getResourceName() {
    return resourceName;
  }

  public void setResourceName(String resourceName) {
    this.resourceName = resourceName;
  }

  public String getFamily() {
    return family;
  }

  public void setFamily(String family) {
    this.family = family;
  }

  public Integer getCountPerNode() {
    return countPerNode;
  }

  public void setCountPerNode(Integer countPerNode) {
    this.countPerNode = countPerNode;
  }

  public Double getMemoryGiB() {
    return memoryGiB;
  }

  public void setMemoryGiB(Double memoryGiB) {
    this.memoryGiB = memoryGiB;
  }

  public Double getMemoryBandwidthGBps() {
    return memoryBandwidthGBps;
  }

  public void setMemoryBandwidthGBps(Double memoryBandwidthGBps) {
    this.memoryBandwidthGBps = memoryBandwidthGBps;
  }

  public String getComputeCapability() {
    return computeCapability;
  }

  public void setComputeCapability(String computeCapability) {
    this.computeCapability = computeCapability;
  }

  public String getMigProfile() {
    return migProfile;
  }

  public void setMigProfile(String migProfile) {
    this.migProfile = migProfile;
  }

  public Integer getSharedReplicas() {
    return sharedReplicas;
  }

  public void setSharedReplicas(Integer sharedReplicas) {
    this.sharedReplicas = sharedReplicas;
  }
}
