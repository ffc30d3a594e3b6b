package dev.modelfleet.cli.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.registry.FactSource;
import dev.modelfleet.registry.Provenance;
import dev.modelfleet.registry.ResolvedModel;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders resolved models for {@code models list} and {@code models show}, as tables or JSON. */
public final class ModelsWriter {
  /** Longest value a table cell shows; JSON always has the whole value. */
  static final int MAX_CELL_CHARS = 60;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String NONE = "-";

  private ModelsWriter() {}

  /** {@code models list -o table}: one row per model. */
  public static void listTable(List<ResolvedModel> models, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"MODEL", "FAMILY", "PARAMS B", "CONTEXT", "LICENSE", "GATED", "SOURCES"});
    for (ResolvedModel model : models) {
      rows.add(
          new String[] {
            model.id(),
            model.family().orElse(NONE),
            model.parameterCount().map(p -> billions(p.totalBillions())).orElse(NONE),
            model.contextLength().isPresent()
                ? Integer.toString(model.contextLength().getAsInt())
                : NONE,
            model.license().orElse(NONE),
            model.gated().map(g -> g ? "yes" : "no").orElse(NONE),
            sources(model)
          });
    }
    Columns.print(rows, out);
  }

  /** {@code models list -o json}. */
  public static String listJson(List<ResolvedModel> models, List<String> warnings) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("models");
    for (ResolvedModel model : models) {
      ObjectNode row = list.addObject();
      row.put("id", model.id());
      row.put("family", model.family().orElse(null));
      if (model.parameterCount().isPresent()) {
        row.put("parametersB", model.parameterCount().get().totalBillions());
      } else {
        row.putNull("parametersB");
      }
      if (model.contextLength().isPresent()) {
        row.put("contextLength", model.contextLength().getAsInt());
      } else {
        row.putNull("contextLength");
      }
      row.put("license", model.license().orElse(null));
      if (model.gated().isPresent()) {
        row.put("gated", model.gated().get());
      } else {
        row.putNull("gated");
      }
      ArrayNode sources = row.putArray("sources");
      model.sources().forEach(s -> sources.add(s.label()));
    }
    ArrayNode warningList = root.putArray("warnings");
    warnings.forEach(warningList::add);
    return write(root);
  }

  /** {@code models show -o table}: a summary, then every field with its source. */
  public static void showTable(ResolvedModel model, PrintWriter out) {
    List<String[]> summary = new ArrayList<>();
    summary.add(new String[] {"MODEL", model.id()});
    summary.add(
        new String[] {
          "KNOWN",
          model.known()
              ? "yes (" + sources(model) + ")"
              : "no: no catalog, snapshot, Hub or registry entry"
        });
    summary.add(
        new String[] {"PARAMETERS", model.parameterCount().map(ModelsWriter::count).orElse(NONE)});
    Columns.print(summary, out);
    out.println();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FIELD", "VALUE", "SOURCE", "OBSERVED AT"});
    for (Provenance p : model.provenance()) {
      rows.add(
          new String[] {
            p.field(),
            cell(p.value()),
            p.source().label(),
            p.observedAt() == null ? NONE : p.observedAt().toString()
          });
    }
    Columns.print(rows, out);
    if (!model.notes().isEmpty()) {
      out.println();
      out.println("NOTES");
      model.notes().forEach(n -> out.println("- " + n));
    }
  }

  /** {@code models show -o json}: the merged facts, their provenance and the notes. */
  public static String showJson(ResolvedModel model) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("requested", model.requested());
    root.put("id", model.id());
    root.put("known", model.known());
    ArrayNode sources = root.putArray("sources");
    model.sources().forEach(s -> sources.add(s.label()));
    ParameterCount count = model.parameters();
    if (count == null) {
      root.putNull("parameters");
    } else {
      ObjectNode parameters = root.putObject("parameters");
      parameters.put("totalB", count.totalBillions());
      parameters.put("activeB", count.activeBillions());
      parameters.put("source", count.source().name().toLowerCase(Locale.ROOT));
      parameters.put("note", count.note());
    }
    root.set("facts", model.facts());
    ArrayNode provenance = root.putArray("provenance");
    for (Provenance p : model.provenance()) {
      ObjectNode row = provenance.addObject();
      row.put("field", p.field());
      row.set("value", model.value(p.field()));
      row.put("source", p.source().label());
      row.put("observedAt", p.observedAt() == null ? null : p.observedAt().toString());
    }
    ArrayNode notes = root.putArray("notes");
    model.notes().forEach(notes::add);
    return write(root);
  }

  private static String sources(ResolvedModel model) {
    return model.sources().stream().map(FactSource::label).collect(Collectors.joining(","));
  }

  private static String count(ParameterCount count) {
    String active =
        count.active() < count.total() ? ", " + billions(count.activeBillions()) + "B active" : "";
    return billions(count.totalBillions())
        + "B"
        + active
        + " ("
        + count.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ")";
  }

  private static String billions(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** One line, cut to {@link #MAX_CELL_CHARS}: config.json and file lists are long. */
  private static String cell(String value) {
    String line = value.replaceAll("\\s+", " ");
    return line.length() <= MAX_CELL_CHARS ? line : line.substring(0, MAX_CELL_CHARS - 3) + "...";
  }

  private static String write(JsonNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
