package dev.modelfleet.ranker.gpu;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the product strings node labellers write: sharing and MIG suffixes, separators. */
final class ProductLabel {
  // GFD appends -SHARED when time-slicing or MPS replicas are on and renameByDefault is off.
  private static final Pattern SHARED = Pattern.compile("(?i)[-_ ]SHARED$");

  // GFD writes <parent>-MIG-<profile> for MIG devices. The profile is NVML's name, [Nc.]Mg.Kgb
  // with optional attributes (+me, +gfx, -me; GFD turns '+' into '.'), or INVALID when the single
  // strategy cannot apply. Only these forms are stripped, so no real product name is cut short.
  private static final Pattern MIG =
      Pattern.compile(
          "(?i)^(.+?)[-_ ]MIG[-_ ]"
              + "((?:\\d+c\\.)?\\d+g\\.\\d+gb(?:[.+][a-z][a-z0-9.,+]*)?(?:-me)?|INVALID)$");

  private static final Pattern SEPARATORS = Pattern.compile("[-_\\s]+");
  private static final Pattern DEVICE_ID = Pattern.compile("(?i)^(?:0x)?([0-9a-f]{4})$");

  private ProductLabel() {}

  /** The product without its -SHARED and -MIG-... suffixes, in its original case. */
  static String base(String labelled) {
    if (labelled == null) {
      return "";
    }
    String product = SHARED.matcher(labelled.trim()).replaceFirst("");
    Matcher mig = MIG.matcher(product);
    return mig.matches() ? mig.group(1) : product;
  }

  /** The MIG profile named in the product, e.g. "1g.5gb"; empty for whole GPUs and INVALID. */
  static Optional<String> migProfile(String labelled) {
    if (labelled == null) {
      return Optional.empty();
    }
    String product = SHARED.matcher(labelled.trim()).replaceFirst("");
    Matcher mig = MIG.matcher(product);
    if (!mig.matches() || mig.group(2).equalsIgnoreCase("INVALID")) {
      return Optional.empty();
    }
    return Optional.of(mig.group(2));
  }

  /** The lookup key: base product, lower case, with '-', '_' and spaces as one separator. */
  static String key(String labelled) {
    String key = SEPARATORS.matcher(base(labelled).toLowerCase(Locale.ROOT)).replaceAll("-");
    int start = key.startsWith("-") ? 1 : 0;
    int end = key.endsWith("-") && key.length() > start ? key.length() - 1 : key.length();
    return key.substring(start, end);
  }

  /** The device id key (lower-case hex, no 0x) when the value looks like a PCI device id. */
  static Optional<String> deviceIdKey(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher id = DEVICE_ID.matcher(value.trim());
    return id.matches() ? Optional.of(id.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}
