package dev.modelfleet.ranker.estimate;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * The sentences behind an estimate, written on first read: a ranking of thousands of candidates
 * reads only the few it shows.
 */
final class Explanation extends AbstractList<String> implements RandomAccess {
  private final Calculation c;
  private volatile List<String> lines;

  private Explanation(Calculation c) {
    this.c = c;
  }

  static List<String> of(Calculation c) {
    return new Explanation(c);
  }

  @Override
  public String get(int index) {
    return lines().get(index);
  }

  @Override
  public int size() {
    return lines().size();
  }

  private List<String> lines() {
    List<String> written = lines;
    if (written == null) {
      // Writing twice from two threads gives equal lists, so no lock is needed.
      written = List.copyOf(write(c));
      lines = written;
    }
    return written;
  }

  private static List<String> write(Calculation c) {
    List<String> out = new ArrayList<>(10);
    out.add(WeightsExplanation.weights(c));
    out.add(KvCacheExplanation.kvCache(c));
    out.add(ActivationsOverheadExplanation.activations(c));
    out.add(ActivationsOverheadExplanation.overhead(c));
    out.add(FitExplanation.fit(c));
    out.add(SpeedExplanation.speed(c));
    if (c.sequences > 1 && c.tokensPerSecond > 0 && !c.offloaded) {
      double each = SpeedEstimator.perSequenceTokensPerSecond(c, c.sequences);
      out.add(
          String.format(
              Locale.ROOT,
              "with %d sequences at once: about %s tok/s each, %s tok/s in total"
                  + " (memory-bound; large batches turn compute-bound, so the total is an upper"
                  + " bound)",
              c.sequences,
              ExplainFormat.decimal(each),
              ExplainFormat.decimal(each * c.sequences)));
    }
    NotesExplanation.notes(c, out);
    return out;
  }

  static String gib(double bytes) {
    return ExplainFormat.gib(bytes);
  }
}
