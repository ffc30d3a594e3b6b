package dev.modelfleet.ranker.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses and checks the benchmark snapshot JSON; problems become warnings, never exceptions. */
final class SnapshotReader {
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The rows and generations that passed the checks, and a warning for each problem found. */
  record Result(
      List<Observation> observations,
      List<FamilyGenerations.Generation> generations,
      LocalDate snapshotDate,
      List<String> warnings) {}

  private SnapshotReader() {}

  static Result failed(String warning) {
    return new Result(List.of(), List.of(), null, List.of(warning));
  }

  static Result read(InputStream json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException | RuntimeException e) {
      return failed("benchmark snapshot is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return failed("benchmark snapshot is empty or not a JSON object");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      // Another schema may mean other units or anchors; guessing would misstate quality.
      return failed(
          "benchmark snapshot has schemaVersion "
              + (root.has("schemaVersion") ? root.get("schemaVersion").toString() : "(none)")
              + ", this build reads "
              + SCHEMA_VERSION);
    }
    JsonNode rows = root.path("observations");
    if (!rows.isArray()) {
      return failed("benchmark snapshot has no \"observations\" array");
    }
    List<String> warnings = new ArrayList<>();
    LocalDate snapshotDate = null;
    if (root.has("snapshotDate")) {
      try {
        snapshotDate = LocalDate.parse(root.path("snapshotDate").asText());
      } catch (DateTimeParseException e) {
        warnings.add("benchmark snapshot has an unreadable snapshotDate: " + e.getMessage());
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      try {
        observations.add(observation(row));
      } catch (InvalidRow e) {
        String model = row.path("model").isTextual() ? " (" + row.get("model").asText() + ")" : "";
        warnings.add("benchmark snapshot row #" + i + model + " skipped: " + e.getMessage());
      }
    }
    List<FamilyGenerations.Generation> generations = new ArrayList<>();
    JsonNode families = root.path("generations");
    if (!families.isMissingNode() && !families.isArray()) {
      warnings.add("benchmark snapshot \"generations\" is not an array; no generation penalty");
    } else {
      for (int i = 0; i < families.size(); i++) {
        try {
          generations.addAll(family(families.get(i)));
        } catch (InvalidRow e) {
          warnings.add("benchmark snapshot generations #" + i + " skipped: " + e.getMessage());
        }
      }
    }
    return new Result(
        List.copyOf(observations), List.copyOf(generations), snapshotDate, List.copyOf(warnings));
  }

  private static Observation observation(JsonNode row) throws InvalidRow {
    if (!row.isObject()) {
      throw new InvalidRow("not a JSON object");
    }
    String model = required(row, "model");
    String benchmark = required(row, "benchmark");
    JsonNode scoreNode = row.path("score");
    if (!scoreNode.isNumber()) {
      throw new InvalidRow("score must be a number");
    }
    double score = scoreNode.asDouble();
    Benchmark scale = Benchmarks.lookup(benchmark);
    if (!scale.accepts(score)) {
      throw new InvalidRow(
          scale.name()
              + " score "
              + score
              + " is outside "
              + scale.validMin()
              + ".."
              + scale.validMax());
    }
    String source = required(row, "source");
    if (!source.startsWith("https://")) {
      throw new InvalidRow("every row needs a source: an https:// URL, was " + source);
    }
    Instant observedAt = instant(required(row, "observedAt"));
    String quant = optional(row, "quant");
    String kindLabel = optional(row, "sourceKind");
    SourceKind kind = null;
    if (kindLabel != null) {
      kind =
          SourceKind.fromLabel(kindLabel)
              .orElseThrow(() -> new InvalidRow("unknown sourceKind " + kindLabel));
    }
    String evidenceLabel = optional(row, "evidence");
    Evidence evidence = null;
    if (evidenceLabel != null) {
      evidence =
          Evidence.fromLabel(evidenceLabel)
              .orElseThrow(() -> new InvalidRow("unknown evidence " + evidenceLabel));
    }
    return new Observation(model, benchmark, score, source, observedAt, quant, evidence, kind);
  }

  private static List<FamilyGenerations.Generation> family(JsonNode node) throws InvalidRow {
    if (!node.isObject()) {
      throw new InvalidRow("not a JSON object");
    }
    String family = required(node, "family");
    JsonNode list = node.path("generations");
    if (!list.isArray() || list.isEmpty()) {
      throw new InvalidRow("family " + family + " lists no generations");
    }
    List<FamilyGenerations.Generation> generations = new ArrayList<>();
    for (JsonNode generation : list) {
      if (!generation.isObject()) {
        throw new InvalidRow("family " + family + " has a generation that is not an object");
      }
      String source = required(generation, "source");
      if (!source.startsWith("https://")) {
        throw new InvalidRow("family " + family + ": every release date needs an https:// source");
      }
      try {
        generations.add(
            new FamilyGenerations.Generation(
                family,
                required(generation, "prefix"),
                LocalDate.parse(required(generation, "released"))));
      } catch (DateTimeParseException e) {
        throw new InvalidRow("family " + family + ": released must be YYYY-MM-DD");
      }
    }
    return generations;
  }

  private static Instant instant(String text) throws InvalidRow {
    try {
      return text.length() == "YYYY-MM-DD".length()
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRow("observedAt must be YYYY-MM-DD or an ISO-8601 instant, was " + text);
    }
  }

  private static String required(JsonNode node, String field) throws InvalidRow {
    String value = optional(node, field);
    if (value == null) {
      throw new InvalidRow("no " + field);
    }
    return value;
  }

  private static String optional(JsonNode node, String field) throws InvalidRow {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRow(field + " must be a string");
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  /** Why one row cannot be used. */
  private static final class InvalidRow extends Exception {
    InvalidRow(String message) {
      super(message, null, false, false);
    }
  }
}
