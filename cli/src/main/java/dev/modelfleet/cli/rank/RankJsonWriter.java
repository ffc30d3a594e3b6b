package dev.modelfleet.cli.rank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankedModel;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders a ranking as {@code -o json}: every row with its explanation. */
public final class RankJsonWriter {
  private RankJsonWriter() {}

  public static String json(HardwareTarget target, List<RankedModel> rows) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode hw = root.putObject("hardware");
    hw.put("name", target.name());
    hw.put("gpu", target.gpu().name());
    hw.put("gpusPerNode", target.gpusPerNode());
    hw.put("gpuMemoryGiB", round(target.gpu().memoryGiB(), 2));
    hw.put("gpuBandwidthGBps", round(target.gpu().bandwidthGBps(), 1));
    ArrayNode list = root.putArray("models");
    int rank = 1;
    for (RankedModel r : rows) {
      ObjectNode row = list.addObject();
      row.put("rank", rank++);
      row.put("model", r.modelId());
      row.put("quant", r.quant());
      row.put("engine", r.engine().label());
      row.put("contextLength", r.contextLength());
      row.put("score", round(r.score(), 2));
      row.put("fits", r.fits());
      row.put("gpus", r.gpus());
      row.put("parallelism", r.parallelism());
      row.put("decodeTokensPerSecond", round(r.decodeTokensPerSecond(), 1));
      row.put("vramPerGpuGiB", round(r.vramPerGpuGiB(), 2));
      row.put("vramTotalGiB", round(r.vramTotalGiB(), 2));
      row.put("evidence", r.evidence());
      row.put("quality", round(r.quality(), 2));
      row.put("qualityConfidence", r.qualityConfidence());
      row.put("speedConfidence", r.speedConfidence());
      ObjectNode terms = row.putObject("terms");
      terms.put("quality", round(r.quality(), 2));
      terms.put("speed", round(r.speedTerm(), 2));
      terms.put("fit", round(r.fitTerm(), 2));
      ArrayNode lines = row.putArray("explanation");
      r.explanation().forEach(lines::add);
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
