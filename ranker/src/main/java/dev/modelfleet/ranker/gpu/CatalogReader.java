package dev.modelfleet.ranker.gpu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses and checks the catalog JSON; problems become warnings, never exceptions. */
final class CatalogReader {
  static final int SCHEMA_VERSION = 1;
  private static final Set<String> VENDORS = Set.of("nvidia", "amd");

  // Unknown fields are allowed so a newer file with extra facts still loads in an older build.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The entries that passed the checks, and a warning for each problem found. */
  record Result(List<GpuModel> gpus, List<String> warnings) {}

  private CatalogReader() {}

  static Result read(InputStream json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException | RuntimeException e) {
      return failed("GPU catalog is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return failed("GPU catalog is empty or not a JSON object");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      // A different schema may mean different units; guessing would give wrong capacities.
      return failed(
          "GPU catalog has schemaVersion "
              + (root.has("schemaVersion") ? root.get("schemaVersion").toString() : "(none)")
              + ", this build reads "
              + SCHEMA_VERSION);
    }
    JsonNode entries = root.path("gpus");
    if (!entries.isArray()) {
      return failed("GPU catalog has no \"gpus\" array");
    }
    List<GpuModel> gpus = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      readEntry(i, entries.get(i), gpus, warnings);
    }
    return new Result(List.copyOf(gpus), List.copyOf(warnings));
  }

  private static void readEntry(
      int index, JsonNode entry, List<GpuModel> gpus, List<String> warnings) {
    GpuModel gpu;
    try {
      gpu = MAPPER.treeToValue(entry, GpuModel.class);
    } catch (IOException | RuntimeException e) {
      warnings.add("GPU catalog entry #" + index + " skipped: " + e.getMessage());
      return;
    }
    String problem = problem(gpu);
    if (problem != null) {
      String label = gpu.name() == null ? "#" + index : "'" + gpu.name() + "'";
      warnings.add("GPU catalog entry " + label + " skipped: " + problem);
      return;
    }
    gpus.add(gpu);
  }

  private static String problem(GpuModel gpu) {
    if (gpu.name() == null || gpu.name().isBlank()) {
      return "no name";
    }
    if (gpu.vendor() == null || !VENDORS.contains(gpu.vendor())) {
      return "vendor must be one of " + VENDORS + ", was " + gpu.vendor();
    }
    if (!(gpu.memoryGiB() > 0) || !(gpu.memoryBandwidthGBps() > 0)) {
      return "memoryGiB and memoryBandwidthGBps must be positive";
    }
    if (gpu.source() == null || !gpu.source().startsWith("https://")) {
      return "every number needs a source: an https:// URL";
    }
    if (gpu.boostClockMHz() < 0 || Double.isNaN(gpu.boostClockMHz())) {
      return "boostClockMHz must be positive, or left out when the vendor states none";
    }
    if (gpu.boostClockMHz() > 0
        && (gpu.clockSource() == null || !gpu.clockSource().startsWith("https://"))) {
      return "boostClockMHz needs a clockSource: an https:// URL";
    }
    if (gpu.labelProducts().isEmpty() && gpu.deviceIds().isEmpty()) {
      return "no labelProducts or deviceIds, so no node could ever match it";
    }
    return null;
  }

  private static Result failed(String warning) {
    return new Result(List.of(), List.of(warning));
  }
}
