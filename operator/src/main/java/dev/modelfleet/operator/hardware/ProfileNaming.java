package dev.modelfleet.operator.hardware;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives every detected class a unique, readable profile name: the plain name when it is free, the
 * name with the memory when two classes differ only there, and a short digest of the class as the
 * last resort. A name a person's profile holds gets "-detected".
 */
final class ProfileNaming {
  private ProfileNaming() {}

  static Map<HardwareClass, String> assign(Collection<HardwareClass> classes, Set<String> taken) {
    Map<HardwareClass, String> names = new LinkedHashMap<>();
    for (HardwareClass hw : classes) {
      names.put(hw, hw.profileName());
    }
    disambiguate(names, HardwareClass::profileNameWithMemory);
    disambiguate(names, hw -> hw.profileNameWithMemory() + "-" + digest(hw));
    names.replaceAll((hw, name) -> taken.contains(name) ? name + "-detected" : name);
    return names;
  }

  /** Renames the classes whose current name is shared by another. */
  private static void disambiguate(
      Map<HardwareClass, String> names, Function<HardwareClass, String> longer) {
    Map<String, Long> counts =
        names.values().stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    names.replaceAll((hw, name) -> counts.get(name) > 1 ? longer.apply(hw) : name);
  }

  private static String digest(HardwareClass hw) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(hw.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
