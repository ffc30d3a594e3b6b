package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each node to the first override (by name) whose nodeSelector it satisfies. An override
 * without a selector claims nothing: matching every node by accident would hide detection.
 */
final class OverrideMatcher {
  private OverrideMatcher() {}

  static Map<String, List<Node>> claim(List<Node> nodes, List<HardwareProfile> overrides) {
    Map<String, List<Node>> claimed = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (HardwareProfile override : overrides) {
      Map<String, String> selector = selector(override);
      List<Node> matched = new ArrayList<>();
      if (!selector.isEmpty()) {
        for (Node node : nodes) {
          String name = node.getMetadata().getName();
          if (!taken.contains(name) && matches(node, selector)) {
            matched.add(node);
            taken.add(name);
          }
        }
      }
      claimed.put(override.getMetadata().getName(), matched);
    }
    return claimed;
  }

  static Map<String, String> selector(HardwareProfile profile) {
    return profile.getSpec() == null || profile.getSpec().getNodeSelector() == null
        ? Map.of()
        : profile.getSpec().getNodeSelector();
  }

  private static boolean matches(Node node, Map<String, String> selector) {
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }
}
