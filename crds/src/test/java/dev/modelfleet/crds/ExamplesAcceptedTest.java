package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.modelfleet.testing.kube.KubeApiServer;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example under examples/ is created on a real API server, and nothing in a ModelFleet
 * example is silently pruned (a misspelt field would be dropped, not rejected, by a 1.20 server).
 */
@WithKubeApiServer
class ExamplesAcceptedTest {

  static Stream<String> examples() {
    return RepoFiles.examples().stream().map(RepoFiles::relative);
  }

  @Test
  void thereIsAnExampleOfEveryNamespacedKind() {
    List<Object> kinds =
        RepoFiles.examples().stream()
            .flatMap(f -> RepoFiles.documents(f).stream())
            .map(d -> d.get("kind"))
            .toList();
    assertThat(kinds).contains("ModelPool", "ModelRoute", "EvalRun", "AdapterRun");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleIsCreated(String file, KubernetesClient client, KubeApiServer server) {
    String namespace = server.newNamespace("examples");
    List<Resource<GenericKubernetesResource>> clusterScoped = new ArrayList<>();
    try {
      for (Map<String, Object> doc : RepoFiles.documents(RepoFiles.root().resolve(Path.of(file)))) {
        GenericKubernetesResource resource =
            client.getKubernetesSerialization().convertValue(doc, GenericKubernetesResource.class);
        Resource<GenericKubernetesResource> handle = client.resource(resource);
        boolean namespaced = isNamespaced(client, resource);
        if (namespaced) {
          handle = client.resource(resource).inNamespace(namespace);
        } else {
          clusterScoped.add(handle);
        }
        GenericKubernetesResource created;
        try {
          created = handle.create();
        } catch (KubernetesClientException e) {
          throw new AssertionError(file + ": " + describe(resource) + " rejected: " + e, e);
        }
        if (String.valueOf(doc.get("apiVersion")).startsWith(CrdTypes.GROUP + "/")) {
          assertNothingPruned(
              file + " " + describe(resource),
              doc.get("spec"),
              created.getAdditionalProperties().get("spec"),
              "spec");
        }
      }
    } finally {
      clusterScoped.forEach(Resource::delete);
    }
  }

  private static boolean isNamespaced(KubernetesClient client, GenericKubernetesResource r) {
    return client.getApiResources(r.getApiVersion()).getResources().stream()
        .filter(api -> api.getKind().equals(r.getKind()) && !api.getName().contains("/"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("API server does not serve " + r.getKind()))
        .getNamespaced();
  }

  private static String describe(GenericKubernetesResource r) {
    return r.getKind() + " " + r.getMetadata().getName();
  }

  /** Every field written must come back with the same value: unknown fields are pruned. */
  static void assertNothingPruned(String what, Object written, Object stored, String path) {
    if (written instanceof Map<?, ?> map) {
      if (!(stored instanceof Map<?, ?> storedMap)) {
        fail("%s: %s was not stored as an object (got %s)", what, path, stored);
        return;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String child = path + "." + e.getKey();
        if (!storedMap.containsKey(e.getKey())) {
          fail("%s: %s was pruned by the API server: not in the schema (misspelt?)", what, child);
        }
        assertNothingPruned(what, e.getValue(), storedMap.get(e.getKey()), child);
      }
    } else if (written instanceof List<?> list) {
      assertThat(stored).as("%s: %s", what, path).isInstanceOf(List.class);
      List<?> storedList = (List<?>) stored;
      assertThat(storedList).as("%s: %s", what, path).hasSameSizeAs(list);
      for (int i = 0; i < list.size(); i++) {
        assertNothingPruned(what, list.get(i), storedList.get(i), path + "[" + i + "]");
      }
    } else if (written instanceof Number n) {
      assertThat(stored).as("%s: %s", what, path).isInstanceOf(Number.class);
      assertThat(((Number) stored).doubleValue())
          .as("%s: %s", what, path)
          .isEqualTo(n.doubleValue());
    } else {
      assertThat(stored).as("%s: %s", what, path).isEqualTo(written);
    }
  }
}
