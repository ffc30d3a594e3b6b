package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence;
import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareTotals;
import dev.modelfleet.crds.v1alpha1.hardware.ProfileSource;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.gpu.GpuModel;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Status of a person's profile: the operator never touches its spec, only says which nodes it
 * claimed and whether its GPU facts are complete.
 */
final class OverrideStatusFactory {
  private OverrideStatusFactory() {}

  static HardwareProfileStatus status(
      HardwareProfile override, List<Node> nodes, GpuCatalog catalog) {
    GpuSpec gpu = override.getSpec() == null ? null : override.getSpec().getGpu();
    HardwareProfileStatus status = new HardwareProfileStatus();
    status.setSource(ProfileSource.Override);
    List<String> names = nodes.stream().map(n -> n.getMetadata().getName()).sorted().toList();
    status.setNodes(names);
    status.setNodeCount(names.size());
    List<NodeGpus> units = nodes.stream().flatMap(n -> unitsOn(n, gpu).stream()).toList();
    double memory =
        gpu != null && gpu.getMemoryGiB() != null
            ? gpu.getMemoryGiB()
            : units.stream().mapToLong(NodeGpus::memoryMiB).max().orElse(0) / 1024.0;
    HardwareTotals totals = ProfileTotals.of(units, memory);
    status.setTotals(totals);
    Optional<GpuModel> entry =
        gpu == null || gpu.getProduct() == null
            ? Optional.empty()
            : catalog.lookup(gpu.getProduct());
    status.setCatalogEntry(entry.map(GpuModel::name).orElse(null));
    Optional<ProfileWarning> warning = warning(gpu, entry);
    status.setConfidence(warning.isEmpty() ? DetectionConfidence.HIGH : DetectionConfidence.LOW);
    status.setConditions(ProfileConditions.of(ready(override, names.size(), totals), warning));
    return status;
  }

  /** The node's GPUs this profile describes: those of its resource name, or all of them. */
  private static List<NodeGpus> unitsOn(Node node, GpuSpec gpu) {
    return NodeClassifier.classify(node).stream()
        .filter(u -> u.vendor() != GpuVendor.NONE)
        .filter(
            u ->
                gpu == null
                    || gpu.getResourceName() == null
                    || Objects.equals(gpu.getResourceName(), u.resourceName()))
        .toList();
  }

  private static io.fabric8.kubernetes.api.model.Condition ready(
      HardwareProfile override, int nodeCount, HardwareTotals totals) {
    if (OverrideMatcher.selector(override).isEmpty()) {
      return ProfileConditions.notReady(
          ProfileConditions.NO_NODE_SELECTOR,
          "spec.nodeSelector is empty: set it to labels of the nodes this profile describes.");
    }
    if (nodeCount == 0) {
      return ProfileConditions.notReady(
          ProfileConditions.NO_MATCHING_NODES,
          "No node has all the labels in spec.nodeSelector "
              + OverrideMatcher.selector(override)
              + " (or an override earlier by name claimed them).");
    }
    return ProfileConditions.ready(
        ProfileConditions.NODES_MATCHED, ProfileTotals.describe(nodeCount, totals));
  }

  private static Optional<ProfileWarning> warning(GpuSpec gpu, Optional<GpuModel> entry) {
    if (gpu == null || gpu.getVendor() == GpuVendor.NONE) {
      return Optional.empty();
    }
    if (gpu.getMemoryBandwidthGBps() == null && entry.isEmpty()) {
      return Optional.of(
          new ProfileWarning(
              ProfileWarning.UNKNOWN_GPU,
              "GPU product '"
                  + gpu.getProduct()
                  + "' is not in the GPU catalog and spec.gpu.memoryBandwidthGBps is not set: set"
                  + " it so speed estimates are not guesses."));
    }
    return Optional.empty();
  }
}
