package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NVIDIA GPUs from GPU Feature Discovery labels and device-plugin capacity: whole GPUs, MIG
 * slices (single and mixed strategies) and time-sliced replicas.
 */
final class NvidiaGpuReader {
  static final String PRODUCT = "nvidia.com/gpu.product";
  static final String MEMORY_MIB = "nvidia.com/gpu.memory";
  static final String COUNT = "nvidia.com/gpu.count";
  static final String FAMILY = "nvidia.com/gpu.family";
  static final String COMPUTE_MAJOR = "nvidia.com/gpu.compute.major";
  static final String COMPUTE_MINOR = "nvidia.com/gpu.compute.minor";
  static final String REPLICAS = "nvidia.com/gpu.replicas";
  static final String MIG_STRATEGY = "nvidia.com/mig.strategy";
  static final String GPU_RESOURCE = "nvidia.com/gpu";
  static final String SHARED_GPU_RESOURCE = "nvidia.com/gpu.shared";
  private static final Pattern MIG_RESOURCE = Pattern.compile("^nvidia\\.com/mig-(.+)$");

  private NvidiaGpuReader() {}

  static List<NodeGpus> read(NodeFacts node) {
    List<NodeGpus> found = new ArrayList<>();
    for (String resource : List.of(GPU_RESOURCE, SHARED_GPU_RESOURCE)) {
      if (node.capacityOf(resource) > 0) {
        found.add(wholeOrSingleMig(node, resource, node.capacityOf(resource)));
      }
    }
    node.capacity().keySet().stream()
        .sorted()
        .map(MIG_RESOURCE::matcher)
        .filter(Matcher::matches)
        .filter(m -> node.capacityOf(m.group()) > 0)
        .forEach(m -> found.add(mixedMigSlice(node, m.group(1))));
    if (found.isEmpty() && node.label(PRODUCT).isPresent()) {
      // Labelled by GFD, but the device plugin has not advertised capacity yet.
      int count = node.longLabel(COUNT).map(Long::intValue).orElse(0);
      if (count > 0) {
        found.add(wholeOrSingleMig(node, GPU_RESOURCE, count));
      }
    }
    return found;
  }

  private static NodeGpus wholeOrSingleMig(NodeFacts node, String resource, int capacity) {
    String product = node.label(PRODUCT).orElse("");
    int replicas = node.longLabel(REPLICAS).map(Long::intValue).filter(r -> r > 1).orElse(1);
    Map<String, String> selector = selector(node, PRODUCT, COUNT, REPLICAS);
    return new NodeGpus(
        GpuVendor.NVIDIA,
        GpuCatalog.baseProduct(product),
        family(node),
        computeCapability(node),
        GpuCatalog.migProfileOf(product).orElse(null),
        resource,
        capacity,
        Math.min(capacity, node.allocatableOf(resource)),
        node.longLabel(MEMORY_MIB).orElse(0L),
        replicas,
        null,
        selector);
  }

  private static NodeGpus mixedMigSlice(NodeFacts node, String profile) {
    String prefix = "nvidia.com/mig-" + profile;
    String product = node.label(prefix + ".product").or(() -> node.label(PRODUCT)).orElse("");
    String resource = prefix;
    return new NodeGpus(
        GpuVendor.NVIDIA,
        GpuCatalog.baseProduct(product),
        family(node),
        computeCapability(node),
        profile,
        resource,
        node.capacityOf(resource),
        node.allocatableOf(resource),
        node.longLabel(prefix + ".memory").orElse(0L),
        1,
        null,
        selector(node, PRODUCT, MIG_STRATEGY, prefix + ".count"));
  }

  /** GFD writes "undefined" for a compute capability it has no family name for. */
  private static String family(NodeFacts node) {
    return node.label(FAMILY).filter(f -> !"undefined".equals(f)).orElse(null);
  }

  private static String computeCapability(NodeFacts node) {
    var major = node.longLabel(COMPUTE_MAJOR);
    var minor = node.longLabel(COMPUTE_MINOR);
    return major.isPresent() && minor.isPresent() ? major.get() + "." + minor.get() : null;
  }

  private static Map<String, String> selector(NodeFacts node, String... keys) {
    Map<String, String> selector = new LinkedHashMap<>();
    for (String key : keys) {
      node.label(key).ifPresent(value -> selector.put(key, value));
    }
    return selector;
  }
}
