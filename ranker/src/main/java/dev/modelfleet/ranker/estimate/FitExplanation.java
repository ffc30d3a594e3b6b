package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.gib;
import static dev.modelfleet.ranker.estimate.ExplainFormat.gibWhole;

/** The sentence on whether the estimate fits the GPUs, and how close it comes. */
final class FitExplanation {
  private FitExplanation() {}

  static String fit(Calculation c) {
    String need = gib(c.perGpuBytes);
    String has = gibWhole(c.gpu.memoryGiB());
    StringBuilder s = new StringBuilder(c.fits ? "fits: needs " : "won't fit: needs ");
    if (c.gpus == 1) {
      s.append(need).append(", the GPU has ").append(has);
    } else {
      s.append(need).append(" on each of ").append(c.gpus).append(" GPUs, each has ").append(has);
    }
    if (!c.fits && c.engine.splitsTensors()) {
      double withoutKv = c.perGpuBytes - c.kvBytesPerGpu;
      double perSequence = c.kvBytesPerSequencePerGpu();
      double room = c.memoryBytesPerGpu() - withoutKv;
      if (room <= 0) {
        s.append("; the weights and fixed overhead alone need ").append(gib(withoutKv));
      } else if (perSequence > 0) {
        long sequences = (long) Math.floor(room / perSequence);
        s.append("; ")
            .append(
                sequences == 0
                    ? "not one sequence"
                    : sequences + " of the " + c.sequences + " sequences")
            .append(" at this context would fit");
      }
    }
    return s.toString();
  }
}
