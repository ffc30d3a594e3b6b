package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AMD GPUs from the AMD GPU node labeller and the {@code amd.com/gpu} capacity. The labeller
 * writes either {@code amd.com/gpu.product-name=AMD_Instinct_MI300X} or, in its older form, {@code
 * beta.amd.com/gpu.product-name.AMD_Instinct_MI300X=8}; both are read.
 */
final class AmdGpuReader {
  static final String GPU_RESOURCE = "amd.com/gpu";
  private static final List<String> PREFIXES = List.of("amd.com/gpu.", "beta.amd.com/gpu.");
  private static final Pattern VRAM = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([GMT])i?B?$");

  private AmdGpuReader() {}

  static Optional<NodeGpus> read(NodeFacts node) {
    int capacity = node.capacityOf(GPU_RESOURCE);
    if (capacity <= 0) {
      return Optional.empty();
    }
    Map<String, String> selector = new LinkedHashMap<>();
    String product = attribute(node, "product-name", selector).orElse("");
    String family = attribute(node, "family", selector).orElse(null);
    long memoryMiB = attribute(node, "vram", selector).map(AmdGpuReader::mebibytes).orElse(0L);
    // The PCI device id still matches the catalog when the product name is missing or new.
    String deviceId = attribute(node, "device-id", selector).orElse(null);
    if (product.isEmpty() && deviceId != null) {
      product = deviceId;
    }
    return Optional.of(
        new NodeGpus(
            GpuVendor.AMD,
            product,
            family,
            null,
            null,
            GPU_RESOURCE,
            capacity,
            Math.min(capacity, node.allocatableOf(GPU_RESOURCE)),
            memoryMiB,
            1,
            deviceId,
            selector));
  }

  /** A labeller attribute in either form; records the label that carried it in the selector. */
  private static Optional<String> attribute(
      NodeFacts node, String name, Map<String, String> selector) {
    for (String prefix : PREFIXES) {
      String key = prefix + name;
      Optional<String> value = node.label(key);
      if (value.isPresent()) {
        selector.put(key, value.get());
        return value;
      }
      String keyPrefix = key + ".";
      Optional<Map.Entry<String, String>> suffixed =
          node.labels().entrySet().stream()
              .filter(e -> e.getKey().startsWith(keyPrefix))
              .sorted(Map.Entry.comparingByKey())
              .findFirst();
      if (suffixed.isPresent()) {
        selector.put(suffixed.get().getKey(), suffixed.get().getValue());
        return Optional.of(suffixed.get().getKey().substring(keyPrefix.length()));
      }
    }
    return Optional.empty();
  }

  /** "192G" (the labeller's unit is binary) to MiB; unreadable values count as unknown. */
  static long mebibytes(String vram) {
    Matcher m = VRAM.matcher(vram.trim());
    if (!m.matches()) {
      return 0;
    }
    double amount = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "T" -> Math.round(amount * 1024 * 1024);
      case "G" -> Math.round(amount * 1024);
      default -> Math.round(amount);
    };
  }
}
