package dev.modelfleet.ranker.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The published validation set: decode speeds, memory figures and fit observations read from {@code
 * src/test/resources/published/}, each row with the public URL it came from.
 *
 * <p>A malformed file fails loudly here: the set is test data, and a row silently dropped would
 * change the reported figures without anyone noticing.
 */
record PublishedSet(List<DecodeRow> decode, List<VramRow> vram, List<FitRow> fit) {

  /** Classpath folder the set lives in. */
  static final String ROOT = "/published/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  PublishedSet {
    decode = List.copyOf(decode);
    vram = List.copyOf(vram);
    fit = List.copyOf(fit);
  }

  /** The set as shipped with the tests. */
  static PublishedSet load() {
    return new PublishedSet(
        rows("decode.json").stream().map(PublishedSet::decodeRow).toList(),
        rows("vram.json").stream().map(PublishedSet::vramRow).toList(),
        rows("fit.json").stream().map(PublishedSet::fitRow).toList());
  }

  /** Every row of every kind. */
  List<Measurement> all() {
    return Stream.of(decode, vram, fit).<Measurement>flatMap(List::stream).toList();
  }

  /** Reads a JSON resource of the set. */
  static JsonNode read(String name) {
    try (InputStream in = PublishedSet.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + name + " is not on the test classpath");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + name, e);
    }
  }

  private static List<JsonNode> rows(String name) {
    JsonNode rows = read(name).path("rows");
    if (!rows.isArray()) {
      throw new IllegalStateException(ROOT + name + " has no 'rows' array");
    }
    List<JsonNode> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  private static DecodeRow decodeRow(JsonNode row) {
    return new DecodeRow(
        text(row, "id"),
        text(row, "model"),
        text(row, "quant"),
        text(row, "engine"),
        text(row, "gpu"),
        integer(row, "gpuCount"),
        integer(row, "contextTokens"),
        number(row, "decodeTokensPerSecond"),
        text(row, "source"),
        optionalText(row, "date"),
        optionalText(row, "note"));
  }

  private static VramRow vramRow(JsonNode row) {
    return new VramRow(
        text(row, "id"),
        text(row, "model"),
        text(row, "quant"),
        text(row, "engine"),
        VramRow.Measure.valueOf(text(row, "measure").toUpperCase(Locale.ROOT)),
        optionalText(row, "gpu"),
        integer(row, "gpuCount"),
        row.hasNonNull("contextTokens") ? integer(row, "contextTokens") : null,
        number(row, "valueGiB"),
        text(row, "scope").equals("perGpu") ? VramRow.Scope.PER_GPU : VramRow.Scope.TOTAL,
        text(row, "source"),
        optionalText(row, "date"),
        optionalText(row, "note"));
  }

  private static FitRow fitRow(JsonNode row) {
    JsonNode fits = row.path("fits");
    if (!fits.isBoolean()) {
      throw new IllegalStateException(where(row) + " has no boolean 'fits'");
    }
    return new FitRow(
        text(row, "id"),
        text(row, "model"),
        text(row, "quant"),
        text(row, "engine"),
        text(row, "gpu"),
        integer(row, "gpuCount"),
        integer(row, "contextTokens"),
        row.hasNonNull("batchedTokens") ? integer(row, "batchedTokens") : null,
        fits.asBoolean(),
        text(row, "source"),
        optionalText(row, "date"),
        optionalText(row, "note"));
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalStateException(where(row) + " has no text '" + field + "'");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode row, String field) {
    JsonNode value = row.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static int integer(JsonNode row, String field) {
    JsonNode value = row.path(field);
    if (!value.canConvertToInt()) {
      throw new IllegalStateException(where(row) + " has no integer '" + field + "'");
    }
    return value.asInt();
  }

  private static double number(JsonNode row, String field) {
    JsonNode value = row.path(field);
    if (!value.isNumber()) {
      throw new IllegalStateException(where(row) + " has no number '" + field + "'");
    }
    return value.asDouble();
  }

  private static String where(JsonNode row) {
    return "row '" + row.path("id").asText("?") + "'";
  }
}
