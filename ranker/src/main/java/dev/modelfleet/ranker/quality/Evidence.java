package dev.modelfleet.ranker.quality;

import java.util.Locale;
import java.util.Optional;

/** How closely an observation measured the model being scored. */
public enum Evidence {
  /** The same model at the same quantization: the artifact being scored was measured. */
  DIRECT,
  /** The same model at another quantization. */
  VARIANT,
  /** The vendor's own figure for the same model, from its model card or report. */
  SELF_REPORTED,
  /** The same weights before or after different post-training (base vs instruct, a re-release). */
  BASE,
  /** A sibling of another size in the same family and generation. */
  INTERPOLATED;

  /** The measured artifact is the one being scored. */
  public static final double DIRECT_WEIGHT = 1.0;

  /**
   * A different checkpoint of the same model even at equal bits per weight: another quantization
   * method or calibration set moves benchmark scores by a point or so. The quantization distance
   * ({@link #VARIANT_WEIGHT_PER_OCTAVE}) comes on top.
   */
  public static final double VARIANT_WEIGHT = 0.95;

  /**
   * Trust kept per octave (halving or doubling) of bits per weight between the measured and the
   * scored quantization: 8-bit formats are near lossless, 4-bit ones lose a point or two on
   * knowledge benchmarks, sub-4-bit ones more. BF16 evidence for an AWQ model (16 vs 4.16 bits,
   * 1.94 octaves) keeps 0.95 x 0.9^1.94 = 0.77 of its weight.
   */
  public static final double VARIANT_WEIGHT_PER_OCTAVE = 0.9;

  /**
   * The vendor measured its release checkpoint with its own harness, prompts and settings (chain of
   * thought, shot counts, sampling), chosen per benchmark and not what the fleet serves. Who
   * measured is weighed separately by {@link SourceKind#VENDOR_WEIGHT}.
   */
  public static final double SELF_REPORTED_WEIGHT = 0.9;

  /**
   * Same pre-training, different post-training: instruction tuning moves scores by many points
   * (Llama 3.1 8B: MMLU-Pro 37.1 base vs 48.3 instruct on Meta's card), in either direction.
   */
  public static final double BASE_WEIGHT = 0.5;

  /**
   * A sibling of another size says where the family is, not where this size is: Qwen2.5 7B to 14B
   * Instruct moves MMLU-Pro from 56.3 to 63.7. Scaled further by {@link
   * #INTERPOLATED_SIZE_EXPONENT}.
   */
  public static final double INTERPOLATED_WEIGHT = 0.35;

  /**
   * Weight falls with the square root of the size ratio (smaller over larger): a 2x sibling keeps
   * 0.71 of {@link #INTERPOLATED_WEIGHT}, an 8x one 0.35.
   */
  public static final double INTERPOLATED_SIZE_EXPONENT = 0.5;

  /** Siblings further apart than this in parameters are not evidence for each other. */
  public static final double INTERPOLATED_MAX_SIZE_RATIO = 8.0;

  /** The grade's weight before quantization and size distances. */
  public double weight() {
    return switch (this) {
      case DIRECT -> DIRECT_WEIGHT;
      case VARIANT -> VARIANT_WEIGHT;
      case SELF_REPORTED -> SELF_REPORTED_WEIGHT;
      case BASE -> BASE_WEIGHT;
      case INTERPOLATED -> INTERPOLATED_WEIGHT;
    };
  }

  /** The name used in JSON and explanations: "direct", "self-reported". */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The grade a label names, case- and separator-insensitively ("self_reported" works). */
  public static Optional<Evidence> fromLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Evidence evidence : values()) {
      if (evidence.name().equals(key)) {
        return Optional.of(evidence);
      }
    }
    return Optional.empty();
  }
}
