package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.testing.kube.KubeApiServer;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of invalid resources (src/test/resources/invalid/*.yaml), each rejected by a real API
 * server with 422 and exactly one error, on the field its first line names: {@code # expect: <field
 * path>}. The 1.20 server checks the OpenAPI schema (types, enums, minimums, patterns, required
 * fields) but not CEL rules; those are covered by CelRulesTest.
 */
@WithKubeApiServer
class InvalidResourcesRejectedTest {
  private static final String EXPECT = "# expect:";
  private static String namespace;

  @BeforeAll
  static void namespace(KubeApiServer server) {
    namespace = server.newNamespace("invalid");
  }

  static Stream<String> corpus() {
    return files().stream().map(p -> p.getFileName().toString());
  }

  @Test
  void corpusCoversEveryKindWithAtLeastThirtyCases() {
    assertThat(files()).hasSizeGreaterThanOrEqualTo(30);
    Set<Object> kinds =
        files().stream()
            .flatMap(f -> RepoFiles.documents(f).stream())
            .map(d -> d.get("kind"))
            .collect(Collectors.toSet());
    assertThat(kinds).containsAll(CrdTypes.BY_KIND.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectedNamingTheField(String name, KubernetesClient client) throws IOException {
    Path file = dir().resolve(name);
    String firstLine = Files.readAllLines(file).get(0);
    assertThat(firstLine)
        .as("%s must start with '%s <field path>'", name, EXPECT)
        .startsWith(EXPECT);
    String expected = firstLine.substring(EXPECT.length()).trim();

    List<Map<String, Object>> docs = RepoFiles.documents(file);
    assertThat(docs).as(name).hasSize(1);
    GenericKubernetesResource resource =
        client
            .getKubernetesSerialization()
            .convertValue(docs.get(0), GenericKubernetesResource.class);
    Resource<GenericKubernetesResource> handle =
        "HardwareProfile".equals(resource.getKind())
            ? client.resource(resource)
            : client.resource(resource).inNamespace(namespace);

    KubernetesClientException rejection = null;
    try {
      handle.create();
      handle.delete();
    } catch (KubernetesClientException e) {
      rejection = e;
    }
    assertThat(rejection).as("%s was accepted; it should fail on %s", name, expected).isNotNull();
    assertThat(rejection.getCode()).as("%s: %s", name, rejection.getMessage()).isEqualTo(422);
    // The 1.20 server reports list fields without their index (spec.models.replicas for
    // spec.models[0].replicas) where newer ones may not, so compare with indices removed.
    assertThat(withoutIndices(rejection.getMessage())).as(name).contains(withoutIndices(expected));
    System.out.printf("[invalid] %s -> %s%n", name, rejection.getStatus().getMessage());
    List<StatusCause> causes = rejection.getStatus().getDetails().getCauses();
    assertThat(causes)
        .as("%s should fail on exactly one field: %s", name, rejection.getMessage())
        .hasSize(1);
    assertThat(withoutIndices(causes.get(0).getField()))
        .as("%s: %s", name, rejection.getMessage())
        .isEqualTo(withoutIndices(expected));
  }

  static String withoutIndices(String path) {
    return path.replaceAll("\\[[0-9]+\\]", "");
  }

  private static Path dir() {
    try {
      return Path.of(InvalidResourcesRejectedTest.class.getResource("/invalid").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
