package dev.modelfleet.operator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.registry.UserRegistry;
import dev.modelfleet.testing.kube.KubeApiServer;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's ConfigMap-backed Hub cache store and user registry, on a real API server. */
@WithKubeApiServer
class RegistryConfigMapsTest {
  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void freshNamespace(KubeApiServer server) {
    client = server.client();
    namespace = server.newNamespace("registry");
  }

  @Test
  void theCacheStoreCreatesThenReplacesItsDocument() throws IOException {
    ConfigMapCacheStore store = new ConfigMapCacheStore(client, namespace, "hub-cache");
    assertThat(store.read()).isEmpty();

    store.write("{\"schemaVersion\":1,\"entries\":[]}");
    String firstVersion = configMap("hub-cache").getMetadata().getResourceVersion();
    store.write("{\"schemaVersion\":1,\"entries\":[{\"repo\":\"a/b\"}]}");

    assertThat(store.read()).contains("{\"schemaVersion\":1,\"entries\":[{\"repo\":\"a/b\"}]}");
    assertThat(configMap("hub-cache").getMetadata().getResourceVersion())
        .isNotEqualTo(firstVersion);
  }

  @Test
  void theCacheStoreKeepsOtherKeysAndTheLastWriterWins() throws IOException {
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("shared")
                .withNamespace(namespace)
                .endMetadata()
                .addToData("note", "kept")
                .build())
        .create();
    ConfigMapCacheStore one = new ConfigMapCacheStore(client, namespace, "shared");
    ConfigMapCacheStore two = new ConfigMapCacheStore(client, namespace, "shared");

    one.write("{\"from\":\"one\"}");
    two.write("{\"from\":\"two\"}");

    assertThat(one.read()).contains("{\"from\":\"two\"}");
    assertThat(configMap("shared").getData()).containsEntry("note", "kept");
  }

  @Test
  void aDocumentOverTheConfigMapLimitIsRefusedNotTruncated() throws IOException {
    ConfigMapCacheStore store = new ConfigMapCacheStore(client, namespace, "too-big");
    String huge = "x".repeat(ConfigMapCacheStore.MAX_DOCUMENT_BYTES + 1);

    assertThatThrownBy(() -> store.write(huge))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ConfigMap " + namespace + "/too-big")
        .hasMessageContaining("was not written");
    assertThat(store.read()).isEmpty();
  }

  @Test
  void theUserRegistryIsReparsedOnlyWhenTheConfigMapChanges() {
    UserRegistryConfigMap source = new UserRegistryConfigMap(client, namespace, "models");
    assertThat(source.poll()).map(r -> r.models().size()).contains(0);
    assertThat(source.poll()).as("still missing: unchanged").isEmpty();

    client.resource(registry("models:\n  - id: acme/one\n    parametersB: 1\n")).create();
    Optional<UserRegistry> first = source.poll();
    assertThat(first).map(r -> r.models().size()).contains(1);
    assertThat(source.poll()).as("same resourceVersion").isEmpty();

    client
        .configMaps()
        .inNamespace(namespace)
        .withName("models")
        .edit(
            c -> {
              c.getData()
                  .put(
                      UserRegistryConfigMap.KEY,
                      "models:\n  - id: acme/one\n    parametersB: 1\n  - id: acme/two\n");
              return c;
            });
    assertThat(source.poll()).map(r -> r.models().size()).contains(2);
  }

  @Test
  void aBrokenUserRegistryKeepsTheLastGoodOne() {
    UserRegistryConfigMap source = new UserRegistryConfigMap(client, namespace, "models");
    client.resource(registry("models:\n  - id: acme/one\n    parametersB: 1\n")).create();
    assertThat(source.poll()).isPresent();

    client
        .configMaps()
        .inNamespace(namespace)
        .withName("models")
        .edit(
            c -> {
              c.getData()
                  .put(
                      UserRegistryConfigMap.KEY,
                      "models:\n  - id: acme/one\n    parametersB: lots\n");
              return c;
            });

    assertThat(source.poll()).isEmpty();
    assertThat(source.current().models()).hasSize(1);
    assertThat(source.current().lookup("acme/one")).isPresent();
  }

  private ConfigMap registry(String yaml) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("models")
        .withNamespace(namespace)
        .endMetadata()
        .addToData(UserRegistryConfigMap.KEY, yaml)
        .build();
  }

  private ConfigMap configMap(String name) {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }
}
