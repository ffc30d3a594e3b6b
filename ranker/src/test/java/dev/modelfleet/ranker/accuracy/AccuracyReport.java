package dev.modelfleet.ranker.accuracy;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The comparisons summarised per engine, rendered as Markdown: decode speed and VRAM errors for
 * ModelFleet and the rule of thumb, KV cache errors for ModelFleet, and fit agreement for both,
 * followed by every row so a reader can see where each figure comes from.
 */
final class AccuracyReport {
  // The last month of llama.cpp builds the report groups as old: see oldLlamaCpp.
  private static final String LAST_OLD_LLAMA_CPP_MONTH = "2024-05";

  private final List<Comparison> comparisons;

  AccuracyReport(List<Comparison> comparisons) {
    this.comparisons = List.copyOf(comparisons);
  }

  /** Every comparison, in the order of the set. */
  List<Comparison> comparisons() {
    return comparisons;
  }

  /** The engines that have at least one row. */
  Set<Engine> engines() {
    Set<Engine> engines = EnumSet.noneOf(Engine.class);
    comparisons.forEach(c -> engines.add(c.engine()));
    return engines;
  }

  /** Error statistics of one kind of row on one engine, or on all engines when null. */
  ErrorStats modelFleet(Engine engine, Predicate<Comparison> kind) {
    return ErrorStats.of(errors(engine, kind, Comparison::modelFleetError));
  }

  /** The rule of thumb's statistics for the same rows. */
  ErrorStats baseline(Engine engine, Predicate<Comparison> kind) {
    return ErrorStats.of(
        errors(engine, kind.and(Comparison::hasBaseline), Comparison::baselineError));
  }

  /** The Markdown report. */
  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# ModelFleet's estimator against published measurements\n\n");
    md.append(counts()).append("\n\n");
    md.append(
        "Error is |estimate - measured| / measured. p90 is the 90th percentile, interpolated"
            + " between ranks. The baseline is the rule of thumb: weights = parameters x bytes per"
            + " weight, VRAM = weights x 1.2, decode = one GPU's bandwidth / weight bytes.\n\n");

    md.append("## Decode tokens/s\n\n");
    errorTable(md, isKind(Comparison.Kind.DECODE), true);
    md.append("\n### Decode by setting, all engines\n\n");
    settingTable(md);
    md.append("\n## VRAM (weights and totals)\n\n");
    errorTable(md, isKind(Comparison.Kind.WEIGHTS).or(isKind(Comparison.Kind.TOTAL)), true);
    md.append("\n## KV cache (the rule of thumb has no KV term)\n\n");
    errorTable(md, isKind(Comparison.Kind.KV), false);
    md.append("\n## Fit / no-fit agreement\n\n");
    fitTable(md);

    md.append("\n## Rows\n\n");
    md.append(
        "| id | kind | measured | ModelFleet | error | baseline | error | ModelFleet's need |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (Comparison c : comparisons) {
      md.append("| ").append(c.row().id()).append(" | ").append(kindName(c.kind())).append(" | ");
      if (c.kind() == Comparison.Kind.FIT) {
        md.append(fitWord(c.measured()))
            .append(" | ")
            .append(fitWord(c.modelFleet()))
            .append(" | ");
        md.append(c.modelFleetAgrees() ? "agrees" : "disagrees").append(" | ");
        md.append(fitWord(c.baseline())).append(" | ");
        md.append(c.baselineAgrees() ? "agrees" : "disagrees").append(" | ");
        md.append(c.detail()).append(" |\n");
      } else {
        md.append(number(c.measured())).append(" | ").append(number(c.modelFleet())).append(" | ");
        md.append(percent(c.modelFleetError())).append(" | ");
        md.append(c.hasBaseline() ? number(c.baseline()) : "-").append(" | ");
        md.append(c.hasBaseline() ? percent(c.baselineError()) : "-").append(" | |\n");
      }
    }
    return md.toString();
  }

  private String counts() {
    long decode = count(isKind(Comparison.Kind.DECODE));
    long weights = count(isKind(Comparison.Kind.WEIGHTS));
    long kv = count(isKind(Comparison.Kind.KV));
    long total = count(isKind(Comparison.Kind.TOTAL));
    long fit = count(isKind(Comparison.Kind.FIT));
    return String.format(
        Locale.ROOT,
        "%d rows: %d decode speeds, %d memory figures (%d weights, %d KV cache, %d totals), %d fit"
            + " observations.",
        comparisons.size(),
        decode,
        weights + kv + total,
        weights,
        kv,
        total,
        fit);
  }

  private void errorTable(StringBuilder md, Predicate<Comparison> kind, boolean withBaseline) {
    md.append("| engine | rows | ModelFleet median | ModelFleet p90 |");
    md.append(withBaseline ? " baseline median | baseline p90 |\n" : "\n");
    md.append(withBaseline ? "|---|---:|---:|---:|---:|---:|\n" : "|---|---:|---:|---:|\n");
    for (Engine engine : rowsFor()) {
      ErrorStats ours = modelFleet(engine, kind);
      if (ours.count() == 0) {
        continue;
      }
      md.append("| ").append(engineName(engine)).append(" | ").append(ours.count()).append(" | ");
      md.append(percent(ours.median())).append(" | ").append(percent(ours.p90())).append(" |");
      if (withBaseline) {
        ErrorStats rule = baseline(engine, kind);
        md.append(" ").append(percent(rule.median())).append(" | ");
        md.append(percent(rule.p90())).append(" |");
      }
      md.append('\n');
    }
  }

  private void settingTable(StringBuilder md) {
    md.append("| setting | rows | ModelFleet median | ModelFleet bias | baseline median |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    setting(md, "16-bit weights", row -> bits(row) >= 16);
    setting(md, "4- to 5-bit weights", row -> bits(row) < 6);
    setting(md, "NVIDIA A100 or H100", row -> row.gpu().matches(".*\\b(A100|H100)\\b.*"));
    setting(md, "Apple silicon", row -> row.gpu().startsWith("Apple"));
    setting(md, "other GPUs", row -> !row.gpu().matches(".*\\b(A100|H100|Apple)\\b.*"));
    setting(md, "4,096 tokens in the cache or more", row -> row.contextTokens() >= 4096);
    setting(md, "several GPUs", row -> row.gpuCount() > 1);
    setting(md, "llama.cpp builds of May 2024 or earlier", AccuracyReport::oldLlamaCpp);
    setting(
        md,
        "llama.cpp builds after May 2024",
        row -> "llama.cpp".equals(row.engine()) && !oldLlamaCpp(row));
  }

  /**
   * Rows measured with llama.cpp before it launched a decode step as one CUDA graph (May 2024,
   * https://github.com/ggml-org/llama.cpp/pull/6766) and fused its small kernels; the per-layer
   * time the estimator uses comes from a 2026 build. Undated rows count as newer: the set's undated
   * llama.cpp rows come from pull requests of late 2025.
   */
  private static boolean oldLlamaCpp(DecodeRow row) {
    return "llama.cpp".equals(row.engine())
        && row.date() != null
        && row.date().compareTo(LAST_OLD_LLAMA_CPP_MONTH) <= 0;
  }

  private void setting(StringBuilder md, String name, Predicate<DecodeRow> predicate) {
    List<Comparison> rows =
        comparisons.stream()
            .filter(isKind(Comparison.Kind.DECODE))
            .filter(c -> predicate.test((DecodeRow) c.row()))
            .toList();
    if (rows.isEmpty()) {
      return;
    }
    ErrorStats ours = ErrorStats.of(rows.stream().map(Comparison::modelFleetError).toList());
    ErrorStats bias =
        ErrorStats.of(
            rows.stream().map(c -> (c.modelFleet() - c.measured()) / c.measured() * 100).toList());
    ErrorStats rule = ErrorStats.of(rows.stream().map(Comparison::baselineError).toList());
    md.append("| ").append(name).append(" | ").append(rows.size()).append(" | ");
    md.append(percent(ours.median())).append(" | ").append(signed(bias.median())).append(" | ");
    md.append(percent(rule.median())).append(" |\n");
  }

  private static double bits(Measurement row) {
    return QuantizationTable.bundled().resolve(row.quant()).bitsPerWeight();
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f%%", value);
  }

  private void fitTable(StringBuilder md) {
    md.append("| engine | rows | ModelFleet agrees | baseline agrees |\n");
    md.append("|---|---:|---:|---:|\n");
    for (Engine engine : rowsFor()) {
      List<Comparison> fits = select(engine, isKind(Comparison.Kind.FIT));
      if (fits.isEmpty()) {
        continue;
      }
      long ours = fits.stream().filter(Comparison::modelFleetAgrees).count();
      long rule = fits.stream().filter(Comparison::baselineAgrees).count();
      md.append("| ").append(engineName(engine)).append(" | ").append(fits.size()).append(" | ");
      md.append(share(ours, fits.size())).append(" | ").append(share(rule, fits.size()));
      md.append(" |\n");
    }
  }

  // The engines in enum order, then null for all engines together.
  private static List<Engine> rowsFor() {
    List<Engine> engines = new ArrayList<>(Arrays.asList(Engine.values()));
    engines.add(null);
    return engines;
  }

  private List<Double> errors(
      Engine engine, Predicate<Comparison> kind, ToDoubleFunction<Comparison> error) {
    return select(engine, kind).stream().map(c -> error.applyAsDouble(c)).toList();
  }

  private List<Comparison> select(Engine engine, Predicate<Comparison> kind) {
    return comparisons.stream()
        .filter(kind)
        .filter(c -> engine == null || c.engine() == engine)
        .toList();
  }

  private long count(Predicate<Comparison> kind) {
    return comparisons.stream().filter(kind).count();
  }

  private static Predicate<Comparison> isKind(Comparison.Kind kind) {
    return c -> c.kind() == kind;
  }

  /** How an engine is written in the report, e.g. "llama.cpp"; "all" for null. */
  static String engineName(Engine engine) {
    return engine == null ? "all" : engine.label();
  }

  private static String kindName(Comparison.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String fitWord(double value) {
    return value == 1 ? "fits" : "no fit";
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static String share(long agreeing, int rows) {
    return String.format(Locale.ROOT, "%d/%d (%.0f%%)", agreeing, rows, 100.0 * agreeing / rows);
  }
}
