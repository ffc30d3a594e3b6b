package dev.modelfleet.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the alerting rules out of a rendered PrometheusRule. */
final class PrometheusRules {

  private PrometheusRules() {}

  /** Every alert rule by its alert name, over all groups. */
  static Map<String, Map<String, Object>> alerts(GenericKubernetesResource rule) {
    Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
    List<Map<String, Object>> groups = rule.get("spec", "groups");
    for (Map<String, Object> group : groups) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
      for (Map<String, Object> alert : rules) {
        if (alerts.put((String) alert.get("alert"), alert) != null) {
          throw new AssertionError("alert defined twice: " + alert.get("alert"));
        }
      }
    }
    return alerts;
  }

  /** An alert's labels or annotations: a map of strings. */
  @SuppressWarnings("unchecked")
  static Map<String, String> section(Map<String, Object> alert, String name) {
    return (Map<String, String>) alert.get(name);
  }
}
