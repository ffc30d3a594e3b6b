package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart ships the CRDs as generated: helm/modelfleet/crds/ holds a byte-for-byte copy of
 * each generated file and nothing else. With -Dmodelfleet.update-crds=true it writes the copies.
 */
class CrdCopyDriftTest {
  static final String UPDATE =
      "run ./mvnw -pl crds test -Dtest=CrdCopyDriftTest -Dmodelfleet.update-crds=true";

  private static Path chartCrds() {
    return RepoFiles.root().resolve("helm").resolve("modelfleet").resolve("crds");
  }

  @Test
  void chartCopiesMatchTheGeneratedCrds() throws IOException {
    List<Path> generated = GeneratedCrds.files();
    assertThat(generated.stream().map(p -> p.getFileName().toString()))
        .as("generated CRDs")
        .containsExactlyInAnyOrderElementsOf(
            CrdManifests.resources().stream()
                .map(r -> Path.of(r).getFileName().toString())
                .toList());
    Path dir = chartCrds();
    if (Boolean.getBoolean("modelfleet.update-crds")) {
      update(generated, dir);
    }

    List<String> problems = new ArrayList<>();
    Set<String> expectedNames =
        generated.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    for (Path source : generated) {
      Path copy = dir.resolve(source.getFileName());
      if (!Files.exists(copy)) {
        problems.add("missing " + RepoFiles.relative(copy));
      } else if (Files.mismatch(source, copy) != -1) {
        problems.add(RepoFiles.relative(copy) + " differs from the generated " + source);
      }
    }
    for (Path extra : listing(dir)) {
      if (!expectedNames.contains(extra.getFileName().toString())) {
        problems.add("extra file " + RepoFiles.relative(extra) + " is not a generated CRD");
      }
    }
    assertThat(problems)
        .as("the chart's CRDs drifted from the generated ones; " + UPDATE)
        .isEmpty();
  }

  private static void update(List<Path> generated, Path dir) throws IOException {
    Files.createDirectories(dir);
    Set<String> names =
        generated.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    for (Path extra : listing(dir)) {
      if (!names.contains(extra.getFileName().toString())) {
        Files.delete(extra);
      }
    }
    for (Path source : generated) {
      Files.copy(source, dir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println("[CrdCopyDriftTest] wrote " + generated.size() + " CRDs to " + dir);
  }

  private static List<Path> listing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
