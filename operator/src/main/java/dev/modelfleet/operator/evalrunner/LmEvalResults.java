package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.serving.jobs.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads lm-evaluation-harness's output: the newest {@code results*.json} under the output path,
 * whose {@code results} map task names to {@code "metric,filter": value} pairs (e.g. {@code
 * "exact_match,strict-match": 0.75}). Standard errors and aliases are skipped; values stay on the
 * harness's 0-1 scale (unit ratio).
 */
final class LmEvalResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_FILTER = "none";

  private LmEvalResults() {}

  static List<RunReport.Metric> read(Path dir) throws IOException {
    Path newest;
    try (Stream<Path> files = Files.walk(dir)) {
      newest =
          files
              .filter(p -> p.getFileName().toString().matches("results.*\\.json"))
              .max(Comparator.comparing(p -> p.getFileName().toString()))
              .orElseThrow(
                  () -> new IllegalStateException("lm-eval wrote no results*.json under " + dir));
    }
    return parse(JSON.readTree(newest.toFile()));
  }

  static List<RunReport.Metric> parse(JsonNode root) {
    JsonNode results = root.path("results");
    if (!results.isObject() || results.isEmpty()) {
      throw new IllegalStateException("the lm-eval results file has no \"results\" object");
    }
    List<RunReport.Metric> metrics = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> tasks = results.fields(); tasks.hasNext(); ) {
      Map.Entry<String, JsonNode> task = tasks.next();
      for (Iterator<Map.Entry<String, JsonNode>> values = task.getValue().fields();
          values.hasNext(); ) {
        Map.Entry<String, JsonNode> value = values.next();
        String[] key = value.getKey().split(",", 2);
        if (!value.getValue().isNumber() || key[0].endsWith("_stderr")) {
          continue;
        }
        String name = key.length == 2 && !key[1].equals(NO_FILTER) ? key[0] + "/" + key[1] : key[0];
        metrics.add(
            new RunReport.Metric(name, value.getValue().asDouble(), "ratio", null, task.getKey()));
      }
    }
    return metrics;
  }
}
