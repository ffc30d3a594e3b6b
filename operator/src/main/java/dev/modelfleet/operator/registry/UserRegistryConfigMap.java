package dev.modelfleet.operator.registry;

import dev.modelfleet.registry.RegistryFormatException;
import dev.modelfleet.registry.UserRegistry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The user registry kept in a ConfigMap's {@code models.yaml}. {@link #poll()} reads the ConfigMap
 * and parses it again only when its resourceVersion moved; a version that breaks the format is
 * logged (naming the field) and the last good registry stays in use.
 */
public final class UserRegistryConfigMap {
  /** The data key holding the registry document. */
  public static final String KEY = "models.yaml";

  private static final Logger LOG = Logger.getLogger(UserRegistryConfigMap.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private boolean read;
  private String seenVersion;
  private UserRegistry current = UserRegistry.empty();

  public UserRegistryConfigMap(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  /** Reads the ConfigMap; the new registry when it changed, empty when it did not. */
  public synchronized Optional<UserRegistry> poll() {
    ConfigMap map;
    try {
      map = client.configMaps().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      LOG.warnf("user registry %s could not be read, keeping the last one: %s", origin(), e);
      return Optional.empty();
    }
    String version = map == null ? null : map.getMetadata().getResourceVersion();
    // A missing ConfigMap has no version: unchanged while it stays missing.
    if (read && Objects.equals(seenVersion, version)) {
      return Optional.empty();
    }
    read = true;
    seenVersion = version;
    String text = map == null || map.getData() == null ? null : map.getData().get(KEY);
    if (text == null) {
      if (map != null) {
        LOG.warnf("user registry %s has no key %s: add the models there", origin(), KEY);
      }
      current = UserRegistry.empty();
      return Optional.of(current);
    }
    try {
      current = UserRegistry.parse(text, origin(), changedAt(map));
      return Optional.of(current);
    } catch (RegistryFormatException e) {
      LOG.warnf(
          "user registry %s is not used until fixed: %s: %s", origin(), e.field(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The registry last read successfully (empty before the first read). */
  public synchronized UserRegistry current() {
    return current;
  }

  private String origin() {
    return "ConfigMap " + namespace + "/" + name + " key " + KEY;
  }

  // Entries without their own observedAt date from the ConfigMap's last write: the newest
  // managedFields time, else its creation.
  private static Instant changedAt(ConfigMap map) {
    Optional<Instant> written =
        map.getMetadata().getManagedFields() == null
            ? Optional.empty()
            : map.getMetadata().getManagedFields().stream()
                .map(f -> f.getTime())
                .filter(Objects::nonNull)
                .map(Instant::parse)
                .max(Instant::compareTo);
    String created = map.getMetadata().getCreationTimestamp();
    return written.orElse(created == null ? Instant.now() : Instant.parse(created));
  }
}
