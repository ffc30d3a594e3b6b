package dev.modelfleet.crds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The CRD YAML the build generated into target/classes/META-INF/fabric8 (what ships). */
final class GeneratedCrds {
  private GeneratedCrds() {}

  /** The folder the CRD generator writes to. */
  static Path dir() {
    try {
      Path classes =
          Path.of(CrdManifests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.resolve("META-INF").resolve("fabric8");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The generated files ({@code <plural>.<group>-v1.yml}), sorted. */
  static List<Path> files() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().endsWith("-v1.yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no generated CRDs in " + dir() + "; run the build first", e);
    }
  }

  /** Every generated CRD, by its plural name. */
  static Map<String, Map<String, Object>> byPlural() {
    Map<String, Map<String, Object>> crds = new LinkedHashMap<>();
    for (Path file : files()) {
      Map<String, Object> crd = RepoFiles.documents(file).get(0);
      crds.put(plural(crd), crd);
    }
    return crds;
  }

  static String plural(Map<String, Object> crd) {
    return (String) names(crd).get("plural");
  }

  static String kind(Map<String, Object> crd) {
    return (String) names(crd).get("kind");
  }

  /** The openAPIV3Schema of the CRD's only version. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> schema(Map<String, Object> crd) {
    Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
    List<Map<String, Object>> versions = (List<Map<String, Object>>) spec.get("versions");
    Map<String, Object> schema = (Map<String, Object>) versions.get(0).get("schema");
    return (Map<String, Object>) schema.get("openAPIV3Schema");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> names(Map<String, Object> crd) {
    return (Map<String, Object>) ((Map<String, Object>) crd.get("spec")).get("names");
  }
}
