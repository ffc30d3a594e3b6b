package dev.modelfleet.ranker.quality;

import java.util.Arrays;
import java.util.Locale;

/** Number and source formatting for explanations: fixed decimals, the same on every machine. */
final class Text {
  // A long URL is shortened to its site and the last parts of its path, which name the document.
  private static final int MAX_SOURCE_LENGTH = 64;
  private static final int KEPT_PATH_SEGMENTS = 2;
  private static final String ELIDED = "/.../";

  private Text() {}

  /** One decimal: scores. */
  static String score(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Two decimals: weights. */
  static String weight(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A published score as it was published: no trailing ".0" noise beyond one decimal. */
  static String published(double value) {
    return value == Math.rint(value) && Math.abs(value) >= 1000
        ? String.format(Locale.ROOT, "%.0f", value)
        : score(value);
  }

  /** A source short enough to read: the URL without scheme, shortened in the middle if long. */
  static String source(String source) {
    if (source == null || source.isBlank()) {
      return "an unnamed source";
    }
    String s = source.trim().replaceFirst("^(?i)https?://", "").replaceFirst("^(?i)www\\.", "");
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() <= MAX_SOURCE_LENGTH || s.indexOf('/') < 0) {
      return s;
    }
    String site = s.substring(0, s.indexOf('/'));
    String[] path = s.substring(site.length() + 1).split("/");
    for (int kept = Math.min(KEPT_PATH_SEGMENTS, path.length - 1); kept >= 1; kept--) {
      String tail = String.join("/", Arrays.copyOfRange(path, path.length - kept, path.length));
      String shortened = site + ELIDED + tail;
      if (shortened.length() <= MAX_SOURCE_LENGTH || kept == 1) {
        return shortened;
      }
    }
    return s;
  }

  /** "1 observation", "3 observations". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
