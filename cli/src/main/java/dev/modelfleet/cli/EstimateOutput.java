package dev.modelfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.VramEstimate;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code modelfleet estimate} prints an estimate: the JSON of the CLI contract, or a table. */
final class EstimateOutput {
  private EstimateOutput() {}

  /** The contract's JSON: model, quant, vram (GiB, 3 decimals), fits, speed, confidence. */
  static String json(Estimate estimate, List<String> explanation) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("model", estimate.model());
    ObjectNode quantNode = root.putObject("quant");
    quantNode.put("canonical", estimate.quant().canonical());
    quantNode.put("bitsPerWeight", estimate.quant().bitsPerWeight());
    quantNode.put("known", estimate.quant().known());
    VramEstimate vram = estimate.vram();
    ObjectNode vramNode = root.putObject("vram");
    vramNode.put("weightsGiB", round(vram.weightsGiB(), 3));
    vramNode.put("kvCacheGiB", round(vram.kvCacheGiB(), 3));
    vramNode.put("activationsGiB", round(vram.activationsGiB(), 3));
    vramNode.put("overheadGiB", round(vram.overheadGiB(), 3));
    vramNode.put("totalGiB", round(vram.totalGiB(), 3));
    vramNode.put("perGpuGiB", round(vram.perGpuGiB(), 3));
    root.put("fits", vram.fits());
    root.put("decodeTokensPerSecond", round(estimate.speed().decodeTokensPerSecond(), 1));
    root.put("effectiveBandwidthGBps", round(estimate.speed().effectiveBandwidthGBps(), 1));
    root.put("confidence", estimate.speed().confidence().label());
    ArrayNode lines = root.putArray("explanation");
    explanation.forEach(lines::add);
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A two-column table of the figures, then the explanation as a list. */
  static void table(
      Estimate estimate,
      GpuTarget target,
      int gpuCount,
      List<String> explanation,
      PrintWriter out) {
    VramEstimate vram = estimate.vram();
    String gpus = gpuCount == 1 ? target.name() : gpuCount + " x " + target.name();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"model", estimate.model()});
    rows.add(
        new String[] {
          "quant",
          estimate.quant().canonical()
              + String.format(Locale.ROOT, " (%.4g bits/weight)", estimate.quant().bitsPerWeight())
              + (estimate.quant().known() ? "" : ", unknown name")
        });
    rows.add(new String[] {"GPU", gpus});
    rows.add(new String[] {"weights", gib(vram.weightsGiB())});
    rows.add(new String[] {"KV cache", gib(vram.kvCacheGiB())});
    rows.add(new String[] {"activations", gib(vram.activationsGiB())});
    rows.add(new String[] {"overhead", gib(vram.overheadGiB())});
    rows.add(
        new String[] {
          "total",
          gib(vram.totalGiB()) + (gpuCount == 1 ? "" : ", " + gib(vram.perGpuGiB()) + " per GPU")
        });
    rows.add(
        new String[] {
          "fits",
          (vram.fits() ? "yes" : "no")
              + String.format(Locale.ROOT, " (%s GiB per GPU)", trim(target.memoryGiB()))
        });
    rows.add(
        new String[] {
          "decode",
          String.format(
              Locale.ROOT,
              "%.1f tok/s for one sequence, %.0f GB/s effective",
              estimate.speed().decodeTokensPerSecond(),
              estimate.speed().effectiveBandwidthGBps())
        });
    rows.add(new String[] {"confidence", estimate.speed().confidence().label()});
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    for (String[] row : rows) {
      out.println(row[0] + " ".repeat(width - row[0].length() + 2) + row[1]);
    }
    out.println();
    explanation.forEach(line -> out.println("- " + line));
  }

  private static String gib(double value) {
    return String.format(Locale.ROOT, "%.2f GiB", value);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
