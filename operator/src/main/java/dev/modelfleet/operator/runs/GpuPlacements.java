package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.common.JobResources;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.serving.jobs.GpuPlacement;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a run's GPUs come from: the named HardwareProfile's resource and node selector; without a
 * profile, the spec's gpuResourceName (NVIDIA's by default) on any node that offers it.
 */
@ApplicationScoped
public class GpuPlacements {
  private final KubernetesClient client;

  public GpuPlacements(KubernetesClient client) {
    this.client = client;
  }

  public GpuPlacement resolve(JobResources resources) {
    String resourceName =
        resources != null && resources.getGpuResourceName() != null
            ? resources.getGpuResourceName()
            : null;
    if (resources == null || resources.getHardwareProfile() == null) {
      return GpuPlacement.anyNodeWith(
          resourceName != null ? resourceName : GpuPlacement.NVIDIA_GPU);
    }
    HardwareProfile profile =
        client.resources(HardwareProfile.class).withName(resources.getHardwareProfile()).get();
    if (profile == null || profile.getSpec() == null) {
      throw new RunProblem(
          "HardwareProfileNotFound",
          "spec.resources.hardwareProfile names "
              + resources.getHardwareProfile()
              + ", which does not exist: name an existing HardwareProfile (kubectl get hwp) or"
              + " remove the field");
    }
    String fromProfile =
        profile.getSpec().getGpu() == null ? null : profile.getSpec().getGpu().getResourceName();
    String chosen =
        resourceName != null
            ? resourceName
            : fromProfile != null ? fromProfile : GpuPlacement.NVIDIA_GPU;
    return new GpuPlacement(chosen, profile.getSpec().getNodeSelector());
  }
}
