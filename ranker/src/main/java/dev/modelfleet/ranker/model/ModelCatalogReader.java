package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses and checks the model catalog JSON; problems become warnings, never exceptions. */
final class ModelCatalogReader {
  static final int SCHEMA_VERSION = 1;
  private static final String HUB = "https://huggingface.co/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The entries that passed the checks, when they were compiled, and a warning per problem. */
  record Result(List<CatalogModel> models, LocalDate compiled, List<String> warnings) {}

  private ModelCatalogReader() {}

  static Result read(InputStream json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException | RuntimeException e) {
      return failed("model catalog is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return failed("model catalog is empty or not a JSON object");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      return failed(
          "model catalog has schemaVersion "
              + (root.has("schemaVersion") ? root.get("schemaVersion").toString() : "(none)")
              + ", this build reads "
              + SCHEMA_VERSION);
    }
    JsonNode entries = root.path("models");
    if (!entries.isArray()) {
      return failed("model catalog has no \"models\" array");
    }
    List<CatalogModel> models = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String label = entry.path("id").isTextual() ? "'" + entry.get("id").asText() + "'" : "#" + i;
      try {
        models.add(entry(entry));
      } catch (EntryProblem e) {
        warnings.add("model catalog entry " + label + " skipped: " + e.getMessage());
      } catch (ConfigJsonException e) {
        warnings.add(
            "model catalog entry "
                + label
                + " skipped: its config ("
                + e.field()
                + "): "
                + e.getMessage());
      } catch (RuntimeException e) {
        warnings.add("model catalog entry " + label + " skipped: " + e);
      }
    }
    LocalDate compiled = null;
    if (root.path("compiled").isTextual()) {
      try {
        compiled = LocalDate.parse(root.get("compiled").asText());
      } catch (DateTimeParseException e) {
        warnings.add("model catalog compiled date is not YYYY-MM-DD: " + root.get("compiled"));
      }
    }
    return new Result(List.copyOf(models), compiled, List.copyOf(warnings));
  }

  private static CatalogModel entry(JsonNode entry) throws EntryProblem, ConfigJsonException {
    if (!entry.isObject()) {
      throw new EntryProblem("not a JSON object");
    }
    String id = text(entry, "id");
    if (id == null || !id.contains("/")) {
      throw new EntryProblem("id must be a Hugging Face repository id such as org/name");
    }
    String source = text(entry, "source");
    if (source == null || !source.startsWith(HUB)) {
      throw new EntryProblem("every entry needs a source: the " + HUB + " URL of its config.json");
    }
    String license = text(entry, "license");
    if (license == null || license.isBlank()) {
      throw new EntryProblem("no license");
    }
    if (!entry.path("gated").isBoolean()) {
      throw new EntryProblem("gated must be true or false");
    }
    if (!entry.path("config").isObject()) {
      throw new EntryProblem("no config object (the model's config.json fields)");
    }
    ModelFacts facts = ConfigJsonParser.parse(id, entry.get("config"));
    int context = entry.path("contextLength").asInt(facts.maxPositionEmbeddings());
    if (context <= 0) {
      throw new EntryProblem("contextLength must be positive");
    }
    List<String> aliases = new ArrayList<>();
    for (JsonNode alias : entry.path("aliases")) {
      if (alias.isTextual() && !alias.asText().isBlank()) {
        aliases.add(alias.asText().trim());
      }
    }
    return new CatalogModel(
        id.trim(),
        aliases,
        license.trim(),
        entry.get("gated").asBoolean(),
        context,
        source,
        published(entry.path("published")),
        facts,
        text(entry, "note"));
  }

  private static PublishedParameters published(JsonNode node) throws EntryProblem {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    Double total = positive(node, "totalB");
    Double active = positive(node, "activeB");
    String source = text(node, "source");
    if (total == null || source == null || !source.startsWith("https://")) {
      throw new EntryProblem("published needs totalB and an https:// source");
    }
    if (active != null && active > total) {
      throw new EntryProblem("published activeB exceeds totalB");
    }
    return new PublishedParameters(total, active, source, text(node, "note"));
  }

  private static Double positive(JsonNode node, String field) throws EntryProblem {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.asDouble() > 0)) {
      throw new EntryProblem(field + " must be a positive number");
    }
    return value.asDouble();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static Result failed(String warning) {
    return new Result(List.of(), null, List.of(warning));
  }

  /** A catalog entry that breaks a rule of the file format. */
  private static final class EntryProblem extends Exception {
    private static final long serialVersionUID = 1L;

    EntryProblem(String message) {
      super(message);
    }
  }
}
