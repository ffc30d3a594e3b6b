package dev.modelfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.modelfleet.ranker.estimate.GpuMatch;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.GpuTargetResolver;
import dev.modelfleet.ranker.model.CatalogModel;
import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quality.BenchmarkSnapshot;
import dev.modelfleet.ranker.quality.Evidence;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.QualityScorer;
import dev.modelfleet.ranker.quality.SourceKind;
import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankOptions;
import dev.modelfleet.ranker.rank.RankedModel;
import dev.modelfleet.ranker.rank.Ranker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelfleet rank}: ranks models for one HardwareProfile, best first, each row with its
 * score, fit, decode speed, memory, quality evidence and a sentence per term. Bad input is one line
 * on stderr naming the field, and exit code 2.
 */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Rank models for a HardwareProfile: quality (from benchmark evidence) fused with fit and"
            + " decode speed, best first.")
final class RankCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  static final String API_VERSION = "modelfleet.dev/v1alpha1";
  static final String KIND = "HardwareProfile";

  /** Rows whose explanation the table prints; JSON has every row's. */
  static final int TABLE_EXPLAINED_ROWS = 10;

  @Spec private CommandSpec spec;

  @Option(
      names = "--models",
      paramLabel = "<catalog.json or dir>",
      description =
          "A model catalog JSON in the format of the bundled models.json, or a directory of"
              + " config.json files named <org>__<name>.json (the model id with '/' as '__').")
  private Path models;

  @Option(
      names = "--hardware",
      paramLabel = "<profile.yaml>",
      description = "A HardwareProfile (modelfleet.dev/v1alpha1) YAML: spec.gpu says the GPU.")
  private Path hardware;

  @Option(
      names = "--observations",
      paramLabel = "<file>",
      description =
          "A JSON list of benchmark observations ({modelId, benchmark, score, source, observedAt,"
              + " quant, evidence, sourceKind}), added to the bundled snapshot.")
  private Path observations;

  @Option(
      names = "--include-unfit",
      description = "Also list models that fit on no GPU count of a node (score 0, last).")
  private boolean includeUnfit;

  @Option(
      names = "--quants",
      paramLabel = "Q,Q",
      split = ",",
      defaultValue = "bf16,fp8,awq,Q4_K_M",
      description = "Weight formats to rank each model in (default: ${DEFAULT-VALUE}).")
  private List<String> quants;

  @Option(
      names = "--context",
      paramLabel = "N",
      defaultValue = "8192",
      description =
          "Tokens of context per sequence, capped at each model's own (default: ${DEFAULT-VALUE}).")
  private int context;

  @Option(
      names = "--as-of",
      paramLabel = "<date>",
      description = "Date the evidence is aged to, YYYY-MM-DD (default: today, UTC).")
  private String asOf;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (context < 1) {
        throw new BadInput("--context must be at least 1 token, was " + context);
      }
      Instant now = now();
      List<String> warnings = new ArrayList<>();
      HardwareTarget target = hardware();
      List<ModelFacts> facts = models(warnings);
      List<Observation> evidence = new ArrayList<>(BenchmarkSnapshot.bundled().observations());
      evidence.addAll(observations());
      List<Candidate> candidates = candidates(facts, evidence, now);
      List<RankedModel> rows = new Ranker().rank(candidates, target, new RankOptions(includeUnfit));
      warnings.forEach(w -> err.println("warning: " + oneLine(w)));
      err.flush();
      if (format == Format.json) {
        out.println(json(target, rows));
      } else {
        table(target, rows, out);
      }
      out.flush();
      return 0;
    } catch (BadInput | IllegalArgumentException e) {
      err.println("error: " + oneLine(e.getMessage()));
      err.flush();
      return EstimateCommand.BAD_INPUT;
    }
  }

  /** Input the command cannot work with: its message is the one line the user sees. */
  static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  private Instant now() throws BadInput {
    if (asOf == null) {
      return Instant.now();
    }
    try {
      return LocalDate.parse(asOf.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadInput("--as-of must be a date like 2026-11-01, was '" + asOf + "'");
    }
  }

  private List<Candidate> candidates(
      List<ModelFacts> facts, List<Observation> evidence, Instant now) throws BadInput {
    List<String> formats = new ArrayList<>();
    for (String quant : quants == null ? List.<String>of() : quants) {
      if (quant != null && !quant.isBlank() && !formats.contains(quant.trim())) {
        formats.add(quant.trim());
      }
    }
    if (formats.isEmpty()) {
      throw new BadInput("--quants must name at least one weight format, e.g. bf16,awq,Q4_K_M");
    }
    QualityScorer scorer = QualityScorer.bundled();
    List<Candidate> out = new ArrayList<>();
    for (ModelFacts model : facts) {
      int tokens = Math.min(context, Math.max(1, model.maxPositionEmbeddings()));
      for (String quant : formats) {
        out.add(Candidate.of(model, quant, tokens, scorer.score(model.id(), quant, evidence, now)));
      }
    }
    return out;
  }

  // ---- --models --------------------------------------------------------------------------

  private List<ModelFacts> models(List<String> warnings) throws BadInput {
    if (models == null) {
      throw new BadInput("--models is required: a model catalog JSON or a directory of configs");
    }
    if (Files.isDirectory(models)) {
      return configDirectory();
    }
    if (!Files.isRegularFile(models)) {
      throw new BadInput("--models: " + models + " is neither a file nor a directory");
    }
    ModelCatalog catalog;
    try (InputStream in = Files.newInputStream(models)) {
      catalog = ModelCatalog.fromJson(in);
    } catch (IOException e) {
      throw new BadInput("--models: cannot read " + models + ": " + e.getMessage());
    }
    if (catalog.all().isEmpty()) {
      String why = catalog.warnings().isEmpty() ? "no models" : catalog.warnings().get(0);
      throw new BadInput("--models: " + models + ": " + why);
    }
    catalog.warnings().forEach(w -> warnings.add("--models: " + w));
    List<ModelFacts> out = new ArrayList<>();
    for (CatalogModel model : catalog.all()) {
      ModelFacts facts = model.facts();
      out.add(
          facts.id() != null && facts.id().equals(model.id()) ? facts : facts.withId(model.id()));
    }
    return out;
  }

  private List<ModelFacts> configDirectory() throws BadInput {
    List<Path> files;
    try (Stream<Path> listing = Files.list(models)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new BadInput("--models: cannot list " + models + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new BadInput("--models: " + models + " has no <org>__<name>.json config files");
    }
    List<ModelFacts> out = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String id = name.substring(0, name.length() - ".json".length()).replace("__", "/");
      try {
        out.add(ConfigJsonParser.parse(id, file));
      } catch (ConfigJsonException e) {
        throw new BadInput("--models: " + name + ": " + e.getMessage());
      }
    }
    return out;
  }

  // ---- --hardware ------------------------------------------------------------------------

  private HardwareTarget hardware() throws BadInput {
    if (hardware == null) {
      throw new BadInput("--hardware is required: a HardwareProfile YAML");
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(hardware.toFile());
    } catch (IOException e) {
      throw new BadInput("--hardware: " + hardware + " is not readable YAML: " + e.getMessage());
    }
    String where = "--hardware " + hardware.getFileName() + ": ";
    if (root == null || !root.isObject()) {
      throw new BadInput(where + "expected a HardwareProfile object");
    }
    String apiVersion = root.path("apiVersion").asText("");
    if (!API_VERSION.equals(apiVersion)) {
      throw new BadInput(
          where + "apiVersion must be " + API_VERSION + ", was '" + apiVersion + "'");
    }
    String kind = root.path("kind").asText("");
    if (!KIND.equals(kind)) {
      throw new BadInput(where + "kind must be " + KIND + ", was '" + kind + "'");
    }
    JsonNode gpu = root.path("spec").path("gpu");
    if (!gpu.isObject()) {
      throw new BadInput(where + "spec.gpu is required: product, countPerNode, memoryGiB, ...");
    }
    String product = text(gpu, "product", where);
    Double memory = positive(gpu, "memoryGiB", where);
    Double bandwidth = positive(gpu, "memoryBandwidthGBps", where);
    int count = 1;
    JsonNode countNode = gpu.get("countPerNode");
    if (countNode != null && !countNode.isNull()) {
      if (!countNode.canConvertToInt() || !countNode.isIntegralNumber() || countNode.asInt() < 1) {
        throw new BadInput(
            where + "spec.gpu.countPerNode must be a whole number of at least 1, was " + countNode);
      }
      count = countNode.asInt();
    }
    String name = root.path("metadata").path("name").asText(null);
    return new HardwareTarget(name, gpuTarget(product, memory, bandwidth, where), count);
  }

  private static GpuTarget gpuTarget(String product, Double memory, Double bandwidth, String where)
      throws BadInput {
    if (product != null) {
      GpuMatch match = GpuTargetResolver.bundled().resolve(product);
      Optional<GpuTarget> found = match.target();
      if (found.isPresent()) {
        GpuTarget target = found.get();
        if (memory == null && bandwidth == null) {
          return target;
        }
        return new GpuTarget(
            target.name(),
            memory != null ? memory : target.memoryGiB(),
            bandwidth != null ? bandwidth : target.bandwidthGBps(),
            false);
      }
    }
    if (memory != null && bandwidth != null) {
      // A GPU the catalog does not know, described by the profile: what its figures are for.
      return new GpuTarget(product, memory, bandwidth, false);
    }
    String missing =
        memory == null && bandwidth == null
            ? "spec.gpu.memoryGiB and spec.gpu.memoryBandwidthGBps"
            : memory == null ? "spec.gpu.memoryGiB" : "spec.gpu.memoryBandwidthGBps";
    if (product == null) {
      throw new BadInput(where + "spec.gpu.product is required, or give " + missing);
    }
    throw new BadInput(where + "spec.gpu.product: unknown GPU '" + product + "': add " + missing);
  }

  private static String text(JsonNode node, String field, String where) throws BadInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new BadInput(where + "spec.gpu." + field + " must be a non-empty string");
    }
    return value.asText().trim();
  }

  private static Double positive(JsonNode node, String field, String where) throws BadInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
      throw new BadInput(where + "spec.gpu." + field + " must be a positive number, was " + value);
    }
    return value.asDouble();
  }

  // ---- --observations --------------------------------------------------------------------

  private List<Observation> observations() throws BadInput {
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

  // ---- output ----------------------------------------------------------------------------

  static String json(HardwareTarget target, List<RankedModel> rows) {
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

  private static void table(HardwareTarget target, List<RankedModel> rows, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %d x %s (%s GiB, %s GB/s each)%n%n",
        target.name(),
        target.gpusPerNode(),
        target.gpu().name(),
        trim(target.gpu().memoryGiB()),
        trim(target.gpu().bandwidthGBps()));
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {
          "#",
          "MODEL",
          "QUANT",
          "ENGINE",
          "SCORE",
          "FITS",
          "GPUS",
          "TOK/S",
          "GIB/GPU",
          "EVIDENCE",
          "QUALITY"
        });
    int rank = 1;
    for (RankedModel r : rows) {
      cells.add(
          new String[] {
            Integer.toString(rank++),
            r.modelId(),
            r.quant(),
            r.engine().label(),
            String.format(Locale.ROOT, "%.1f", r.score()),
            r.fits() ? "yes" : "no",
            Integer.toString(r.gpus()),
            String.format(Locale.ROOT, "%.1f", r.decodeTokensPerSecond()),
            String.format(Locale.ROOT, "%.1f", r.vramPerGpuGiB()),
            r.evidence(),
            String.format(Locale.ROOT, "%.1f (%s)", r.quality(), r.qualityConfidence())
          });
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    if (rows.isEmpty()) {
      out.println("(no model fits; --include-unfit lists them with the reason)");
    }
    for (int i = 0; i < Math.min(TABLE_EXPLAINED_ROWS, rows.size()); i++) {
      RankedModel r = rows.get(i);
      out.println();
      out.println("#" + (i + 1) + " " + r.modelId() + " " + r.quant() + ":");
      r.explanation().forEach(line -> out.println("- " + line));
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static String oneLine(String message) {
    return message == null ? "invalid input" : message.replaceAll("\\s+", " ").trim();
  }
}
