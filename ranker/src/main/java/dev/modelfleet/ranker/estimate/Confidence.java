package dev.modelfleet.ranker.estimate;

import java.util.Locale;

/** How far an estimate can be trusted. */
public enum Confidence {
  /** Catalog GPU, known quantization, parsed config, fully on the GPU. */
  HIGH,
  /** One input was assumed or given by hand (a GPU not in the catalog, an unknown format, ...). */
  MEDIUM,
  /** Several inputs were assumed, or the model runs partly on the CPU. */
  LOW;

  /** The lower-case name the CLI prints: "high", "medium", "low". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One step less certain; LOW stays LOW. */
  Confidence lower() {
    return this == HIGH ? MEDIUM : LOW;
  }
}
