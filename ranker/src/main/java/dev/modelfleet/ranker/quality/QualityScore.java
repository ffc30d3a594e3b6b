package dev.modelfleet.ranker.quality;

import dev.modelfleet.ranker.Confidence;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A model's quality on 0-100, how far to trust it, and how it was reached.
 *
 * @param score 0-100; {@link QualityScorer#NEUTRAL_PRIOR} when no evidence applies
 * @param confidence how far the score can be relied on
 * @param contributions every observation that counted, grouped by benchmark, heaviest first
 * @param explanation sentences a person can read: the result, each benchmark, each observation,
 *     what lowered the confidence, and what was ignored
 */
public record QualityScore(
    double score,
    Confidence confidence,
    List<Contribution> contributions,
    List<String> explanation) {

  /** Copies the lists. */
  public QualityScore {
    contributions = List.copyOf(contributions);
    explanation = List.copyOf(explanation);
  }

  /** The grade of the observation that weighed most; empty when nothing counted. */
  public Optional<Evidence> strongestEvidence() {
    return contributions.stream()
        .max(Comparator.comparingDouble(Contribution::weight))
        .map(Contribution::evidence);
  }

  /** Whether the score rests on any evidence, or is the neutral prior. */
  public boolean hasEvidence() {
    return !contributions.isEmpty();
  }
}
