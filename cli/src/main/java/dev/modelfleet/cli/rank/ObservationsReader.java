package dev.modelfleet.cli.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.cli.BadInput;
import dev.modelfleet.ranker.quality.Evidence;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code --observations}: a JSON list of benchmark observations. */
public final class ObservationsReader {
  private ObservationsReader() {}

  public static List<Observation> read(Path observations) throws BadInput {
    if (observations == null) {
      return List.of();
    }
    String where = "--observations " + observations.getFileName() + ": ";
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(observations.toFile());
    } catch (IOException e) {
      throw new BadInput(where + "not readable JSON: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new BadInput(where + "expected a JSON list of observations");
    }
    List<Observation> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode o = root.get(i);
      String at = where + "[" + i + "].";
      if (!o.isObject()) {
        throw new BadInput(where + "[" + i + "] must be an object");
      }
      String modelId = requiredText(o, "modelId", at);
      String benchmark = requiredText(o, "benchmark", at);
      JsonNode score = o.get("score");
      if (score == null || !score.isNumber() || !Double.isFinite(score.asDouble())) {
        throw new BadInput(at + "score must be a number");
      }
      String source = optionalText(o, "source", at);
      String quant = optionalText(o, "quant", at);
      Instant observedAt = instant(optionalText(o, "observedAt", at), at);
      Evidence evidence = null;
      String evidenceLabel = optionalText(o, "evidence", at);
      if (evidenceLabel != null) {
        evidence =
            Evidence.fromLabel(evidenceLabel)
                .orElseThrow(
                    () ->
                        new BadInput(
                            at
                                + "evidence must be direct, variant, self-reported, base or"
                                + " interpolated, was '"
                                + evidenceLabel
                                + "'"));
      }
      SourceKind kind = null;
      String kindLabel = optionalText(o, "sourceKind", at);
      if (kindLabel != null) {
        kind =
            SourceKind.fromLabel(kindLabel)
                .orElseThrow(
                    () -> new BadInput(at + "sourceKind is not known: '" + kindLabel + "'"));
      }
      out.add(
          new Observation(
              modelId,
              benchmark,
              score.asDouble(),
              source == null ? observations.getFileName().toString() : source,
              observedAt,
              quant,
              evidence,
              kind));
    }
    return out;
  }

  private static String requiredText(JsonNode node, String field, String at) throws BadInput {
    String value = optionalText(node, field, at);
    if (value == null) {
      throw new BadInput(at + field + " is required");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field, String at) throws BadInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadInput(at + field + " must be a string");
    }
    return value.asText().isBlank() ? null : value.asText().trim();
  }

  private static Instant instant(String text, String at) throws BadInput {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadInput(at + "observedAt must be a date or an instant, was '" + text + "'");
    }
  }
}
