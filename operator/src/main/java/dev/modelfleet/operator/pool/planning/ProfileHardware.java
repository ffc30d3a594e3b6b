package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.GpuTargetResolver;
import dev.modelfleet.ranker.rank.HardwareTarget;
import java.util.List;
import java.util.Optional;

/**
 * What one HardwareProfile offers a pool: its GPU (with the pool's share of each GPU's memory),
 * GPUs per node, the resource name to request, whether GPUs are shared, disk and nodes.
 *
 * @param name the profile's name
 * @param target the ranker's view: the GPU with {@code memoryGiB x vramFraction} usable
 * @param gpuMemoryGiB one GPU's whole memory
 * @param gpusPerNode GPUs each node schedules
 * @param resourceName the extended resource to request, e.g. nvidia.com/gpu
 * @param shareable whether several replicas may share one GPU (time-slicing)
 * @param diskGiBPerNode model-cache disk per node, or null when the profile sets none
 * @param nodes the nodes of the profile
 */
public record ProfileHardware(
    String name,
    HardwareTarget target,
    double gpuMemoryGiB,
    int gpusPerNode,
    String resourceName,
    boolean shareable,
    Double diskGiBPerNode,
    List<String> nodes) {

  /** The extended resource NVIDIA's device plugin advertises. */
  public static final String NVIDIA_RESOURCE = "nvidia.com/gpu";

  /** The extended resource AMD's device plugin advertises. */
  public static final String AMD_RESOURCE = "amd.com/gpu";

  /** Copies the nodes. */
  public ProfileHardware {
    nodes = List.copyOf(nodes);
  }

  /**
   * The profile as a pool sees it; empty for a profile without GPUs, or whose GPU neither the
   * catalog nor the profile's own figures describe.
   */
  public static Optional<ProfileHardware> of(
      HardwareProfile profile, double vramFraction, GpuTargetResolver gpus) {
    GpuSpec gpu = profile.getSpec() == null ? null : profile.getSpec().getGpu();
    if (gpu == null || gpu.getCountPerNode() == null || gpu.getCountPerNode() < 1) {
      return Optional.empty();
    }
    Optional<GpuTarget> known =
        gpu.getProduct() == null ? Optional.empty() : gpus.resolve(gpu.getProduct()).target();
    Double memory =
        gpu.getMemoryGiB() != null
            ? gpu.getMemoryGiB()
            : known.map(GpuTarget::memoryGiB).orElse(null);
    Double bandwidth =
        gpu.getMemoryBandwidthGBps() != null
            ? gpu.getMemoryBandwidthGBps()
            : known.map(GpuTarget::bandwidthGBps).orElse(null);
    if (memory == null || bandwidth == null || memory <= 0 || bandwidth <= 0) {
      return Optional.empty();
    }
    String name = profile.getMetadata().getName();
    GpuTarget usable =
        new GpuTarget(
            gpu.getProduct() == null ? name : gpu.getProduct(),
            memory * vramFraction,
            bandwidth,
            known.isPresent(),
            known.map(GpuTarget::clockMHz).orElse(0.0));
    List<String> nodes =
        profile.getStatus() == null ? List.of() : List.copyOf(profile.getStatus().getNodes());
    return Optional.of(
        new ProfileHardware(
            name,
            new HardwareTarget(name, usable, gpu.getCountPerNode()),
            memory,
            gpu.getCountPerNode(),
            resourceName(gpu),
            gpu.getSharedReplicas() != null && gpu.getSharedReplicas() > 1,
            profile.getSpec().getModelCacheDiskGiB(),
            nodes));
  }

  private static String resourceName(GpuSpec gpu) {
    if (gpu.getResourceName() != null) {
      return gpu.getResourceName();
    }
    return gpu.getVendor() == GpuVendor.AMD ? AMD_RESOURCE : NVIDIA_RESOURCE;
  }
}
