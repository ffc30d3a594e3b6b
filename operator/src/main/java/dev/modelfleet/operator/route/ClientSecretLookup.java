package dev.modelfleet.operator.route;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one named Secret with a GET. The operator holds only {@code get} on Secrets: no list or
 * watch, so it never caches the cluster's Secrets, and it re-checks on a timer instead.
 */
final class ClientSecretLookup implements SecretLookup {
  private final KubernetesClient client;
  private final String namespace;

  ClientSecretLookup(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public SecretKeys keysOf(String name) {
    try {
      Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
      if (secret == null) {
        return SecretKeys.missing();
      }
      Set<String> keys = new HashSet<>();
      if (secret.getData() != null) {
        keys.addAll(secret.getData().keySet());
      }
      // An API server folds stringData into data on write; counted too, should a server return it.
      if (secret.getStringData() != null) {
        keys.addAll(secret.getStringData().keySet());
      }
      return SecretKeys.of(keys);
    } catch (KubernetesClientException e) {
      return SecretKeys.unreadable(e.getCode() + " " + e.getMessage());
    }
  }
}
