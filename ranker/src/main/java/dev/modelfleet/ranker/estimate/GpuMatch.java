package dev.modelfleet.ranker.estimate;

import java.util.List;
import java.util.Optional;

/**
 * What a GPU name matched.
 *
 * @param target the GPU, when the name picked out one (or several with the same figures)
 * @param candidates the GPUs a name could mean when it picked out several that differ, e.g. "H100"
 *     or "A100 80GB"; empty otherwise
 * @param note what a reader should know about the match: an assumed configuration, a MIG slice
 */
public record GpuMatch(Optional<GpuTarget> target, List<String> candidates, Optional<String> note) {

  /** Copies the candidates so a match stays immutable. */
  public GpuMatch {
    target = target == null ? Optional.empty() : target;
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    note = note == null ? Optional.empty() : note;
  }

  /** Whether the name picked out a GPU. */
  public boolean found() {
    return target.isPresent();
  }

  /** Whether the name could mean several GPUs with different figures. */
  public boolean ambiguous() {
    return target.isEmpty() && !candidates.isEmpty();
  }

  static GpuMatch of(GpuTarget target, String note) {
    return new GpuMatch(Optional.of(target), List.of(), Optional.ofNullable(note));
  }

  static GpuMatch none() {
    return new GpuMatch(Optional.empty(), List.of(), Optional.empty());
  }
}
