package dev.modelfleet.ranker.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds benchmarks on which the evidence about the scored model itself disagrees. */
final class Agreement {
  // Only evidence that claims to measure this model can contradict it; a base model or a sibling
  // is expected to score differently.
  private static final Set<Evidence> ABOUT_THIS_MODEL =
      Set.of(Evidence.DIRECT, Evidence.VARIANT, Evidence.SELF_REPORTED);

  /**
   * A benchmark with conflicting evidence.
   *
   * @param benchmark the benchmark
   * @param high the highest normalised measurement
   * @param low the lowest normalised measurement
   */
  record Conflict(String benchmark, Contribution high, Contribution low) {
    double spread() {
      return high.normalisedScore() - low.normalisedScore();
    }
  }

  private Agreement() {}

  /** Whether evidence of this grade claims to measure the scored model itself. */
  static boolean isAboutThisModel(Evidence evidence) {
    return ABOUT_THIS_MODEL.contains(evidence);
  }

  /** The conflicts among {@code contributions}, in benchmark order. */
  static List<Conflict> conflicts(List<Contribution> contributions) {
    Map<String, List<Contribution>> byBenchmark = new LinkedHashMap<>();
    for (Contribution contribution : contributions) {
      if (ABOUT_THIS_MODEL.contains(contribution.evidence())) {
        byBenchmark
            .computeIfAbsent(contribution.benchmark(), b -> new ArrayList<>())
            .add(contribution);
      }
    }
    List<Conflict> conflicts = new ArrayList<>();
    byBenchmark.forEach(
        (benchmark, measured) -> {
          Contribution high = measured.get(0);
          Contribution low = measured.get(0);
          for (Contribution c : measured) {
            if (c.normalisedScore() > high.normalisedScore()) {
              high = c;
            }
            if (c.normalisedScore() < low.normalisedScore()) {
              low = c;
            }
          }
          if (high.normalisedScore() - low.normalisedScore() > QualityScorer.CONFLICT_SPREAD) {
            conflicts.add(new Conflict(benchmark, high, low));
          }
        });
    return conflicts;
  }
}
