package dev.modelfleet.crds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's files as tests see them: the root, the examples, YAML documents. */
final class RepoFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RepoFiles() {}

  /** The repository root, from the {@code modelfleet.repo.root} property Surefire sets. */
  static Path root() {
    String root = System.getProperty("modelfleet.repo.root");
    Path path = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    if (!Files.isDirectory(path.resolve("crds"))) {
      throw new IllegalStateException(
          "modelfleet.repo.root does not point at the repository: " + path.toAbsolutePath());
    }
    return path.toAbsolutePath().normalize();
  }

  /** Every YAML file under examples/, sorted, subfolders included. */
  static List<Path> examples() {
    try (Stream<Path> files = Files.walk(root().resolve("examples"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-empty documents of a (possibly multi-document) YAML file, as maps. */
  static List<Map<String, Object>> documents(Path file) {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
      var values = YAML.readValues(parser, new TypeReference<Map<String, Object>>() {});
      while (values.hasNext()) {
        Map<String, Object> doc = values.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return docs;
  }

  /** The path relative to the repository root, for messages and test names. */
  static String relative(Path file) {
    return root().relativize(file.toAbsolutePath().normalize()).toString();
  }
}
