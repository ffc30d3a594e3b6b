package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import java.util.List;

/**
 * What detection must make of each node fixture under src/test/resources/gfd-nodes/, which carry
 * labels and capacity exactly as GPU Feature Discovery and AMD's labeller write them.
 */
record GfdFixture(String file, List<Expected> profiles) {

  /** One profile the node must land in. */
  record Expected(
      String name,
      GpuVendor vendor,
      String product,
      String resourceName,
      int countPerNode,
      double memoryGiB,
      String migProfile,
      int sharedReplicas,
      DetectionConfidence confidence) {}

  static Expected nvidia(String name, String product, int count, double memoryGiB) {
    return new Expected(
        name,
        GpuVendor.NVIDIA,
        product,
        "nvidia.com/gpu",
        count,
        memoryGiB,
        null,
        1,
        DetectionConfidence.HIGH);
  }

  static Expected mig(
      String name, String product, String resource, String profile, int count, double memoryGiB) {
    return new Expected(
        name,
        GpuVendor.NVIDIA,
        product,
        resource,
        count,
        memoryGiB,
        profile,
        1,
        DetectionConfidence.HIGH);
  }

  static final List<GfdFixture> ALL =
      List.of(
          new GfdFixture(
              "h100-sxm-80gb.yaml",
              List.of(nvidia("nvidia-h100-80gb-hbm3-x8", "NVIDIA-H100-80GB-HBM3", 8, 79.65))),
          new GfdFixture(
              "a100-40gb-mig-single.yaml",
              List.of(
                  mig(
                      "nvidia-a100-sxm4-40gb-mig-1g.5gb-x56",
                      "NVIDIA-A100-SXM4-40GB",
                      "nvidia.com/gpu",
                      "1g.5gb",
                      56,
                      4.75))),
          new GfdFixture(
              "a100-40gb-mig-mixed.yaml",
              List.of(
                  nvidia("nvidia-a100-sxm4-40gb-x6", "NVIDIA-A100-SXM4-40GB", 6, 39.59),
                  mig(
                      "nvidia-a100-sxm4-40gb-mig-1g.5gb-x8",
                      "NVIDIA-A100-SXM4-40GB",
                      "nvidia.com/mig-1g.5gb",
                      "1g.5gb",
                      8,
                      4.75),
                  mig(
                      "nvidia-a100-sxm4-40gb-mig-3g.20gb-x2",
                      "NVIDIA-A100-SXM4-40GB",
                      "nvidia.com/mig-3g.20gb",
                      "3g.20gb",
                      2,
                      19.63))),
          new GfdFixture("l4.yaml", List.of(nvidia("nvidia-l4-x1", "NVIDIA-L4", 1, 22.49))),
          new GfdFixture("l40s.yaml", List.of(nvidia("nvidia-l40s-x4", "NVIDIA-L40S", 4, 44.99))),
          new GfdFixture(
              "t4-time-sliced.yaml",
              List.of(
                  new Expected(
                      "nvidia-tesla-t4-x16-shared4",
                      GpuVendor.NVIDIA,
                      "Tesla-T4",
                      "nvidia.com/gpu",
                      16,
                      15.0,
                      null,
                      4,
                      DetectionConfidence.HIGH))),
          new GfdFixture("a10g.yaml", List.of(nvidia("nvidia-a10g-x4", "NVIDIA-A10G", 4, 22.49))),
          new GfdFixture(
              "rtx-4090.yaml",
              List.of(nvidia("nvidia-geforce-rtx-4090-x2", "NVIDIA-GeForce-RTX-4090", 2, 23.99))),
          new GfdFixture(
              "mi300x.yaml",
              List.of(
                  new Expected(
                      "amd-instinct-mi300x-oam-x8",
                      GpuVendor.AMD,
                      "AMD_Instinct_MI300X_OAM",
                      "amd.com/gpu",
                      8,
                      192.0,
                      null,
                      1,
                      DetectionConfidence.HIGH))),
          new GfdFixture(
              "cpu-only.yaml",
              List.of(
                  new Expected(
                      "cpu-only",
                      GpuVendor.NONE,
                      null,
                      null,
                      0,
                      0,
                      null,
                      1,
                      DetectionConfidence.HIGH))),
          new GfdFixture(
              "unknown-gpu.yaml",
              List.of(
                  new Expected(
                      "nvidia-future-x1000-96gb-x4",
                      GpuVendor.NVIDIA,
                      "NVIDIA-Future-X1000-96GB",
                      "nvidia.com/gpu",
                      4,
                      95.59,
                      null,
                      1,
                      DetectionConfidence.LOW))));
}
