package dev.modelfleet.ranker.quality;

import java.util.Locale;
import java.util.Optional;

/** Who measured an observation, which decides how far it is trusted. */
public enum SourceKind {
  /** An EvalRun in this cluster: the served engine, quantization and hardware, a pinned harness. */
  CLUSTER_EVAL,
  /** A public leaderboard, or another party's published evaluation of the model. */
  INDEPENDENT,
  /** The model's own vendor: its model card, blog or technical report. */
  VENDOR;

  /** Measured on what the fleet actually serves, with a harness the project pins. */
  public static final double CLUSTER_EVAL_WEIGHT = 1.0;

  /**
   * A fixed, published harness that others can rerun, but a different serving stack and prompt
   * format than the fleet's.
   */
  public static final double INDEPENDENT_WEIGHT = 0.8;

  /**
   * Not independently reproduced, and measured by the party with an interest in the number: the
   * Open LLM Leaderboard was started because published figures could not be reproduced.
   */
  public static final double VENDOR_WEIGHT = 0.6;

  /** The weight of a measurement from this kind of source. */
  public double weight() {
    return switch (this) {
      case CLUSTER_EVAL -> CLUSTER_EVAL_WEIGHT;
      case INDEPENDENT -> INDEPENDENT_WEIGHT;
      case VENDOR -> VENDOR_WEIGHT;
    };
  }

  /** The name used in JSON and explanations: "cluster-eval", "independent", "vendor". */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind a label names, case- and separator-insensitively. */
  public static Optional<SourceKind> fromLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (SourceKind kind : values()) {
      if (kind.name().equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
