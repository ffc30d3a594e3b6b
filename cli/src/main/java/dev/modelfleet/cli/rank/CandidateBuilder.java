package dev.modelfleet.cli.rank;

import dev.modelfleet.cli.BadInput;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.QualityScorer;
import dev.modelfleet.ranker.rank.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns models, {@code --quants} and {@code --context} into scored ranking candidates. */
public final class CandidateBuilder {
  private CandidateBuilder() {}

  public static List<Candidate> build(
      List<ModelFacts> facts,
      List<String> quants,
      int context,
      List<Observation> evidence,
      Instant now)
      throws BadInput {
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
}
