package dev.modelfleet.cli;

import dev.modelfleet.cli.rank.CandidateBuilder;
import dev.modelfleet.cli.rank.HardwareProfileReader;
import dev.modelfleet.cli.rank.ModelsReader;
import dev.modelfleet.cli.rank.ObservationsReader;
import dev.modelfleet.cli.rank.RankJsonWriter;
import dev.modelfleet.cli.rank.RankTableWriter;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quality.BenchmarkSnapshot;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankOptions;
import dev.modelfleet.ranker.rank.RankedModel;
import dev.modelfleet.ranker.rank.Ranker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      HardwareTarget target = HardwareProfileReader.read(hardware);
      List<ModelFacts> facts = ModelsReader.read(models, warnings);
      List<Observation> evidence = new ArrayList<>(BenchmarkSnapshot.bundled().observations());
      evidence.addAll(ObservationsReader.read(observations));
      List<Candidate> candidates = CandidateBuilder.build(facts, quants, context, evidence, now);
      List<RankedModel> rows = new Ranker().rank(candidates, target, new RankOptions(includeUnfit));
      warnings.forEach(w -> err.println("warning: " + BadInput.oneLine(w)));
      err.flush();
      if (format == Format.json) {
        out.println(RankJsonWriter.json(target, rows));
      } else {
        RankTableWriter.table(target, rows, out);
      }
      out.flush();
      return 0;
    } catch (BadInput | IllegalArgumentException e) {
      err.println("error: " + BadInput.oneLine(e.getMessage()));
      err.flush();
      return BadInput.EXIT_CODE;
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
}
