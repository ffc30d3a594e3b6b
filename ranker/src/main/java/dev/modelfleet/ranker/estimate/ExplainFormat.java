package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.Units.GB;
import static dev.modelfleet.ranker.estimate.Units.GIB;
import static dev.modelfleet.ranker.estimate.Units.KIB;

import java.util.Locale;

/** Number formats shared by the sentences of an explanation. */
final class ExplainFormat {
  private ExplainFormat() {}

  static String perGpu(Calculation c, double bytes) {
    return c.gpus == 1 ? gib(bytes) : gib(bytes) + " on each of " + c.gpus + " GPUs";
  }

  static String gib(double bytes) {
    double v = bytes / GIB;
    return (v != 0 && Math.abs(v) < 1
            ? String.format(Locale.ROOT, "%.2f", v)
            : String.format(Locale.ROOT, "%.1f", v))
        + " GiB";
  }

  static String gibWhole(double gib) {
    return trim(gib) + " GiB";
  }

  static String mib(double bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
  }

  static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / KIB);
  }

  static String gb(double bytes) {
    double v = bytes / GB;
    return String.format(Locale.ROOT, v < 1 ? "%.2f GB" : "%.1f GB", v);
  }

  static String millis(double seconds) {
    return String.format(Locale.ROOT, "%.2f ms", seconds * 1000);
  }

  static String billions(double count) {
    double b = count / 1e9;
    return String.format(Locale.ROOT, b >= 100 ? "%.0fB" : "%.2fB", b);
  }

  static String decimal(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v);
  }

  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
