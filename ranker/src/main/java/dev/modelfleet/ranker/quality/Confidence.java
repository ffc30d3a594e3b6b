package dev.modelfleet.ranker.quality;

import java.util.Locale;

/** How far a quality score can be relied on. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  /** One level lower; LOW stays LOW. */
  public Confidence lower() {
    return this == HIGH ? MEDIUM : LOW;
  }

  /** The lower of the two. */
  public Confidence atMost(Confidence cap) {
    return compareTo(cap) >= 0 ? this : cap;
  }

  /** "high", "medium" or "low", as the CLI prints it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
