package dev.modelfleet.ranker;

import java.util.Locale;

/** How far an estimate, a quality score or a ranked row can be relied on. */
public enum Confidence {
  /** Every input known: e.g. a catalog GPU, a known format, a parsed config, direct evidence. */
  HIGH,
  /** One input assumed or given by hand, or evidence only from a vendor. */
  MEDIUM,
  /** Several inputs assumed, the model partly on the CPU, or little evidence. */
  LOW;

  /** One step less certain; LOW stays LOW. */
  public Confidence lower() {
    return this == HIGH ? MEDIUM : LOW;
  }

  /** The lower of the two. */
  public Confidence atMost(Confidence cap) {
    return compareTo(cap) >= 0 ? this : cap;
  }

  /** The lower-case name the CLI prints: "high", "medium", "low". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
