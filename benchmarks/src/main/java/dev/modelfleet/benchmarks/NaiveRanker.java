package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline: the common rule of thumb (weights x 1.2 must fit; decode speed is bandwidth over
 * the weights' bytes), the same score and the same ordering, with none of the estimator's terms.
 * What ranking costs when nearly nothing is computed per candidate.
 */
final class NaiveRanker {
  static final double RULE_OF_THUMB_FACTOR = 1.2;
  private static final double GIB_IN_GB = 1.073741824;

  record Row(String modelId, String quant, int context, double score, int gpus) {}

  private static final Comparator<Row> ORDER =
      Comparator.comparingDouble(Row::score)
          .reversed()
          .thenComparing(Row::modelId)
          .thenComparing(Row::quant)
          .thenComparingInt(Row::context);

  private NaiveRanker() {}

  static List<Row> rank(List<Candidate> candidates, HardwareTarget hardware) {
    double memory = hardware.gpu().memoryGiB();
    double bandwidth = hardware.gpu().bandwidthGBps();
    int max = Integer.highestOneBit(Math.min(hardware.gpusPerNode(), 8));
    List<Row> rows = new ArrayList<>();
    for (Candidate c : candidates) {
      double need = c.weightsGiB() * RULE_OF_THUMB_FACTOR;
      for (int n = 1; n <= max; n *= 2) {
        if (need / n <= memory) {
          double tokens = bandwidth * n / (c.weightsGiB() * GIB_IN_GB);
          rows.add(
              new Row(
                  c.modelId(),
                  c.canonicalQuant(),
                  c.contextLength(),
                  RankScore.of(c.quality().score(), tokens, n),
                  n));
          break;
        }
      }
    }
    rows.sort(ORDER);
    return rows;
  }
}
