package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareTotals;
import dev.modelfleet.crds.v1alpha1.hardware.ProfileSource;
import dev.modelfleet.ranker.gpu.GpuModel;
import java.util.List;

/** Status of a detected profile: its nodes, totals, confidence and conditions. */
final class DetectedStatusFactory {
  private DetectedStatusFactory() {}

  static HardwareProfileStatus status(List<String> nodes, List<NodeGpus> gpus, ResolvedGpu gpu) {
    HardwareProfileStatus status = new HardwareProfileStatus();
    status.setSource(ProfileSource.Detected);
    status.setNodes(nodes.stream().sorted().toList());
    status.setNodeCount(nodes.size());
    double memory = gpu.spec().getMemoryGiB() == null ? 0 : gpu.spec().getMemoryGiB();
    HardwareTotals totals = ProfileTotals.of(gpus, memory);
    status.setTotals(totals);
    boolean cpu = gpu.spec().getVendor() == GpuVendor.NONE;
    status.setConfidence(
        cpu || gpu.warning().isEmpty() ? DetectionConfidence.HIGH : DetectionConfidence.LOW);
    status.setCatalogEntry(gpu.catalogEntry().map(GpuModel::name).orElse(null));
    String summary =
        cpu
            ? nodes.size() + (nodes.size() == 1 ? " CPU-only node" : " CPU-only nodes")
            : ProfileTotals.describe(nodes.size(), totals);
    status.setConditions(
        ProfileConditions.of(
            ProfileConditions.ready(ProfileConditions.NODES_MATCHED, summary), gpu.warning()));
    return status;
  }
}
