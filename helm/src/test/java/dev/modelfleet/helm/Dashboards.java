package dev.modelfleet.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Grafana dashboards in the chart's dashboards/ folder. */
final class Dashboards {

  static final Path DIR = RenderedChart.CHART_DIR.resolve("dashboards");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Dashboards() {}

  /** Every dashboard file, sorted by name. */
  static List<Path> files() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + file, e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, with the panels nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every query target's PromQL expression. */
  static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    return expressions;
  }

  /** The dashboard whose title is given. */
  static JsonNode titled(String title) {
    return files().stream()
        .map(Dashboards::parse)
        .filter(d -> d.path("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard titled " + title + " in " + DIR));
  }
}
