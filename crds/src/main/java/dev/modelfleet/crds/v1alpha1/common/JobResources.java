package dev.modelfleet.crds.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

/** Compute a Job's Pod asks for. GPUs come from one class of nodes (a HardwareProfile). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobResources {

  @Min(0)
  @Max(16)
  @JsonPropertyDescription(
      "GPUs the Pod requests. When unset: none for an EvalRun (the runner only calls"
          + " an endpoint), one for an AdapterRun.")
  private Integer gpus;

  @Size(max = 253)
  @Pattern(Patterns.RESOURCE_NAME)
  @JsonPropertyDescription(
      "Extended resource to request the GPUs as, e.g. nvidia.com/gpu or amd.com/gpu."
          + " Defaults to the chosen HardwareProfile's resourceName.")
  private String gpuResourceName;

  @Size(max = 253)
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription(
      "HardwareProfile whose nodes run the Pod. When unset the operator picks the"
          + " profile with the least GPU memory that is still large enough.")
  private String hardwareProfile;

  @JsonPropertyDescription("CPU the Pod requests, e.g. 2 or 500m.")
  private Quantity cpu;

  @JsonPropertyDescription("Memory the Pod requests, e.g. 16Gi.")
  private Quantity memory;

  public Integer getGpus() {
    return gpus;
  }

  public void setGpus(Integer gpus) {
    this.gpus = gpus;
  }

  public String getGpuResourceName() {
    return gpuResourceName;
  }

  public void setGpuResourceName(String gpuResourceName) {
    this.gpuResourceName = gpuResourceName;
  }

  public String getHardwareProfile() {
    return hardwareProfile;
  }

  public void setHardwareProfile(String hardwareProfile) {
    this.hardwareProfile = hardwareProfile;
  }

  public Quantity getCpu() {
    return cpu;
  }

  public void setCpu(Quantity cpu) {
    this.cpu = cpu;
  }

  public Quantity getMemory() {
    return memory;
  }

  public void setMemory(Quantity memory) {
    this.memory = memory;
  }
}
