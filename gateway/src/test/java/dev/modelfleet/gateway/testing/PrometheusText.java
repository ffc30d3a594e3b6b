package dev.modelfleet.gateway.testing;

import java.util.Map;

/** Reads samples out of Prometheus' text exposition format. */
public final class PrometheusText {
  private PrometheusText() {}

  /** The sum of the samples of {@code name} whose labels include all of {@code labels}. */
  public static double sum(String text, String name, Map<String, String> labels) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String metric = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
      if (!metric.equals(name)) {
        continue;
      }
      String labelText = brace < 0 ? "" : line.substring(brace + 1, line.lastIndexOf('}'));
      boolean all =
          labels.entrySet().stream()
              .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
      if (all) {
        total += Double.parseDouble(line.substring(space + 1));
      }
    }
    return total;
  }
}
