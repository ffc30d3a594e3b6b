package dev.modelfleet.operator.registry;

import dev.modelfleet.registry.cache.RegistryCacheStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps the registry's Hub cache document in one key of a ConfigMap. A write replaces the ConfigMap
 * at the resourceVersion it read, so two writers never interleave: on a conflict it re-reads and
 * tries again. Documents over {@link #MAX_DOCUMENT_BYTES} are refused, never truncated.
 */
public final class ConfigMapCacheStore implements RegistryCacheStore {
  /** The data key holding the document. */
  public static final String KEY = "hub-cache.json";

  /**
   * Largest document written: a ConfigMap holds at most 1 MiB (the API server's limit on an
   * object's data), less room for its metadata.
   */
  static final int MAX_DOCUMENT_BYTES = 1024 * 1024 - 64 * 1024;

  /** Tries before giving up when other writers keep changing the ConfigMap. */
  static final int MAX_ATTEMPTS = 3;

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public ConfigMapCacheStore(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<String> read() throws IOException {
    try {
      ConfigMap map = get();
      return map == null || map.getData() == null
          ? Optional.empty()
          : Optional.ofNullable(map.getData().get(KEY));
    } catch (KubernetesClientException e) {
      throw new IOException(where() + " could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(String document) throws IOException {
    int size = document.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new IOException(
          where()
              + ": the Hub cache document is "
              + size
              + " bytes, over the "
              + MAX_DOCUMENT_BYTES
              + " a ConfigMap can hold; it was not written");
    }
    KubernetesClientException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        ConfigMap current = get();
        if (current == null) {
          client.configMaps().inNamespace(namespace).resource(fresh(document)).create();
        } else {
          ConfigMap updated = new ConfigMapBuilder(current).addToData(KEY, document).build();
          // update() sends the resourceVersion read above: a concurrent writer makes it a 409.
          client.configMaps().inNamespace(namespace).resource(updated).update();
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw new IOException(where() + " could not be written: " + e.getMessage(), e);
        }
        last = e;
      }
    }
    throw new IOException(
        where() + " kept changing under " + MAX_ATTEMPTS + " writes: " + last.getMessage(), last);
  }

  private ConfigMap get() {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }

  private ConfigMap fresh(String document) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("app.kubernetes.io/managed-by", "modelfleet")
        .endMetadata()
        .addToData(KEY, document)
        .build();
  }

  private String where() {
    return "ConfigMap " + namespace + "/" + name + " key " + KEY;
  }
}
