package dev.modelfleet.ranker.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GPU a row was measured on: from the bundled catalog when it lists the product, otherwise from
 * {@code extra-gpus.json}, which holds vendor figures for the few devices the catalog lacks.
 *
 * @param name the product name the rows use
 * @param memoryGiB memory of one device
 * @param bandwidthGBps peak memory bandwidth of one device
 * @param fromCatalog whether the bundled catalog supplied the figures
 * @param source the vendor page the figures come from
 * @param clockMHz the vendor's boost clock, 0 where the vendor states none
 */
record Device(
    String name,
    double memoryGiB,
    double bandwidthGBps,
    boolean fromCatalog,
    String source,
    double clockMHz) {

  private static final Map<String, Device> EXTRA = readExtra();

  /** The GPU the estimator is given for this device. */
  GpuTarget target() {
    return new GpuTarget(name, memoryGiB, bandwidthGBps, fromCatalog, clockMHz);
  }

  /** The device a row names, or empty when neither the catalog nor the extra list knows it. */
  static Optional<Device> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Optional<Device> catalogued =
        GpuCatalog.bundled()
            .lookup(name)
            .map(
                gpu ->
                    new Device(
                        gpu.name(),
                        gpu.memoryGiB(),
                        gpu.memoryBandwidthGBps(),
                        true,
                        gpu.source(),
                        gpu.boostClockMHz()));
    return catalogued.or(() -> Optional.ofNullable(EXTRA.get(name)));
  }

  private static Map<String, Device> readExtra() {
    Map<String, Device> devices = new HashMap<>();
    for (JsonNode gpu : PublishedSet.read("extra-gpus.json").path("gpus")) {
      Device device =
          new Device(
              gpu.path("name").asText(),
              gpu.path("memoryGiB").asDouble(),
              gpu.path("memoryBandwidthGBps").asDouble(),
              false,
              gpu.path("source").asText(),
              gpu.path("boostClockMHz").asDouble(0));
      devices.put(device.name(), device);
    }
    return Map.copyOf(devices);
  }
}
