package dev.modelfleet.cli.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.modelfleet.cli.BadInput;
import dev.modelfleet.ranker.estimate.GpuMatch;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.GpuTargetResolver;
import dev.modelfleet.ranker.rank.HardwareTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code --hardware}: a HardwareProfile (modelfleet.dev/v1alpha1) YAML. */
public final class HardwareProfileReader {
  static final String API_VERSION = "modelfleet.dev/v1alpha1";
  static final String KIND = "HardwareProfile";

  private HardwareProfileReader() {}

  public static HardwareTarget read(Path hardware) throws BadInput {
    if (hardware == null) {
      throw new BadInput("--hardware is required: a HardwareProfile YAML");
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(hardware.toFile());
    } catch (IOException e) {
      throw new BadInput("--hardware: " + hardware + " is not readable YAML: " + e.getMessage());
    }
    String where = "--hardware " + hardware.getFileName() + ": ";
    if (root == null || !root.isObject()) {
      throw new BadInput(where + "expected a HardwareProfile object");
    }
    String apiVersion = root.path("apiVersion").asText("");
    if (!API_VERSION.equals(apiVersion)) {
      throw new BadInput(
          where + "apiVersion must be " + API_VERSION + ", was '" + apiVersion + "'");
    }
    String kind = root.path("kind").asText("");
    if (!KIND.equals(kind)) {
      throw new BadInput(where + "kind must be " + KIND + ", was '" + kind + "'");
    }
    JsonNode gpu = root.path("spec").path("gpu");
    if (!gpu.isObject()) {
      throw new BadInput(where + "spec.gpu is required: product, countPerNode, memoryGiB, ...");
    }
    String product = text(gpu, "product", where);
    Double memory = positive(gpu, "memoryGiB", where);
    Double bandwidth = positive(gpu, "memoryBandwidthGBps", where);
    int count = 1;
    JsonNode countNode = gpu.get("countPerNode");
    if (countNode != null && !countNode.isNull()) {
      if (!countNode.canConvertToInt() || !countNode.isIntegralNumber() || countNode.asInt() < 1) {
        throw new BadInput(
            where + "spec.gpu.countPerNode must be a whole number of at least 1, was " + countNode);
      }
      count = countNode.asInt();
    }
    String name = root.path("metadata").path("name").asText(null);
    return new HardwareTarget(name, gpuTarget(product, memory, bandwidth, where), count);
  }

  private static GpuTarget gpuTarget(String product, Double memory, Double bandwidth, String where)
      throws BadInput {
    if (product != null) {
      GpuMatch match = GpuTargetResolver.bundled().resolve(product);
      Optional<GpuTarget> found = match.target();
      if (found.isPresent()) {
        GpuTarget target = found.get();
        if (memory == null && bandwidth == null) {
          return target;
        }
        return new GpuTarget(
            target.name(),
            memory != null ? memory : target.memoryGiB(),
            bandwidth != null ? bandwidth : target.bandwidthGBps(),
            false,
            target.clockMHz());
      }
    }
    if (memory != null && bandwidth != null) {
      // A GPU the catalog does not know, described by the profile: what its figures are for.
      return new GpuTarget(product, memory, bandwidth, false);
    }
    String missing =
        memory == null && bandwidth == null
            ? "spec.gpu.memoryGiB and spec.gpu.memoryBandwidthGBps"
            : memory == null ? "spec.gpu.memoryGiB" : "spec.gpu.memoryBandwidthGBps";
    if (product == null) {
      throw new BadInput(where + "spec.gpu.product is required, or give " + missing);
    }
    throw new BadInput(where + "spec.gpu.product: unknown GPU '" + product + "': add " + missing);
  }

  private static String text(JsonNode node, String field, String where) throws BadInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new BadInput(where + "spec.gpu." + field + " must be a non-empty string");
    }
    return value.asText().trim();
  }

  private static Double positive(JsonNode node, String field, String where) throws BadInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
      throw new BadInput(where + "spec.gpu." + field + " must be a positive number, was " + value);
    }
    return value.asDouble();
  }
}
