package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The HardwareProfiles a pool's {@code hardwareProfiles} selects: by name or by labels. */
final class ProfileSelection {
  private ProfileSelection() {}

  /** Selected profiles by name; every profile when the selector is unset or empty. */
  static List<HardwareProfile> select(
      HardwareProfileSelector selector, Collection<HardwareProfile> profiles) {
    return profiles.stream()
        .filter(p -> selects(selector, p))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  static boolean selects(HardwareProfileSelector selector, HardwareProfile profile) {
    if (selector == null
        || (selector.getNames().isEmpty() && selector.getMatchLabels().isEmpty())) {
      return true;
    }
    if (selector.getNames().contains(profile.getMetadata().getName())) {
      return true;
    }
    Map<String, String> labels = profile.getMetadata().getLabels();
    return !selector.getMatchLabels().isEmpty()
        && labels != null
        && selector.getMatchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
