package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/crd-reference.md lists every spec and status field of every CRD, and every kind. */
class CrdReferenceDocTest {

  @Test
  void everyFieldIsDocumented() throws IOException {
    String doc = Files.readString(RepoFiles.root().resolve("docs").resolve("crd-reference.md"));
    List<String> missing = new ArrayList<>();
    for (Map<String, Object> crd : GeneratedCrds.byPlural().values()) {
      assertThat(doc).contains("## " + GeneratedCrds.kind(crd));
      Map<String, Object> root = GeneratedCrds.schema(crd);
      for (String path : paths(root, "")) {
        if (!doc.contains("`" + path + "`")) {
          missing.add(GeneratedCrds.kind(crd) + " " + path);
        }
      }
    }
    assertThat(missing).as("fields missing from docs/crd-reference.md").isEmpty();
  }

  /** Field paths as the reference writes them: spec.models[].source.huggingFace. */
  @SuppressWarnings("unchecked")
  private static List<String> paths(Map<String, Object> node, String path) {
    List<String> out = new ArrayList<>();
    Map<String, Object> props = (Map<String, Object>) node.get("properties");
    if (props == null) {
      return out;
    }
    for (Map.Entry<String, Object> prop : props.entrySet()) {
      String child = path.isEmpty() ? prop.getKey() : path + "." + prop.getKey();
      Map<String, Object> schema = (Map<String, Object>) prop.getValue();
      if (!path.isEmpty()) {
        out.add(child);
      }
      if (prop.getKey().equals("conditions")) {
        continue;
      }
      String suffix = "";
      while ("array".equals(schema.get("type")) && schema.get("items") instanceof Map<?, ?> items) {
        schema = (Map<String, Object>) items;
        suffix += "[]";
      }
      out.addAll(paths(schema, child + suffix));
    }
    return out;
  }
}
