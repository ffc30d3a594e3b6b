package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every field of every generated CRD has a description, so {@code kubectl explain} reads well. */
class DescriptionsTest {

  /**
   * Known gaps, as "plural: path". HardwareProfile's root spec and status lack descriptions until
   * its root class overrides getSpec()/getStatus() with @JsonPropertyDescription as the others do.
   */
  @Test
  void everyPropertyHasADescription() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Map<String, Object> crd : GeneratedCrds.byPlural().values()) {
      checked += walk(GeneratedCrds.plural(crd), GeneratedCrds.schema(crd), "", missing);
    }
    assertThat(missing).as("properties without a description").isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  private static int walk(String plural, Map<String, Object> node, String path, List<String> out) {
    return walkAll(plural, node, path, out);
  }

  /** Records "plural: path" for each property without a description; returns how many it saw. */
  @SuppressWarnings("unchecked")
  private static int walkAll(
      String plural, Map<String, Object> node, String path, List<String> missing) {
    int checked = 0;
    Map<String, Object> props = (Map<String, Object>) node.get("properties");
    if (props != null) {
      for (Map.Entry<String, Object> prop : props.entrySet()) {
        String child = path.isEmpty() ? prop.getKey() : path + "." + prop.getKey();
        Map<String, Object> schema = (Map<String, Object>) prop.getValue();
        if (path.isEmpty() && Set.of("apiVersion", "kind", "metadata").contains(prop.getKey())) {
          continue;
        }
        checked++;
        Object description = schema.get("description");
        if (!(description instanceof String s) || s.isBlank()) {
          missing.add(plural + ": " + child);
        }
        if (prop.getKey().equals("conditions")) {
          continue; // io.fabric8 Condition's own fields carry no descriptions
        }
        checked += walkAll(plural, schema, child, missing);
      }
    }
    if (node.get("items") instanceof Map<?, ?> items) {
      checked += walkAll(plural, (Map<String, Object>) items, path + "[]", missing);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      checked += walkAll(plural, (Map<String, Object>) values, path + "{}", missing);
    }
    return checked;
  }
}
