package dev.modelfleet.operator.registry;

import dev.modelfleet.operator.config.OperatorSettings;
import dev.modelfleet.registry.ModelRegistry;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.registry.UserRegistry;
import dev.modelfleet.registry.cache.RegistryCacheStore;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The operator's model registry, built from {@code modelfleet.registry.*}: the bundled catalog and
 * snapshot, the Hub (unless switched off, and always off in demo mode), the user registry
 * ConfigMap, and the Hub cache ConfigMap (else an in-memory store, so a rebuild keeps answers).
 * {@link #refresh()} re-reads the user registry and rebuilds the registry when it changed.
 */
@ApplicationScoped
public class OperatorRegistry implements Supplier<ModelRegistry> {
  private static final Logger LOG = Logger.getLogger(OperatorRegistry.class);

  private final KubernetesClient client;
  private final OperatorSettings.Registry settings;
  private final boolean demoMode;
  private final String namespace;
  private final UserRegistryConfigMap userRegistry;
  private final RegistryCacheStore cacheStore;
  private volatile ModelRegistry registry;

  public OperatorRegistry(KubernetesClient client, OperatorSettings operatorSettings) {
    this.client = client;
    this.settings = operatorSettings.registry();
    this.demoMode = operatorSettings.demoMode();
    this.namespace = settings.namespace().orElseGet(client::getNamespace);
    this.userRegistry =
        settings
            .userRegistryConfigmap()
            .map(name -> new UserRegistryConfigMap(client, namespace, name))
            .orElse(null);
    this.cacheStore =
        settings
            .cacheConfigmap()
            .<RegistryCacheStore>map(name -> new ConfigMapCacheStore(client, namespace, name))
            .orElseGet(MemoryCacheStore::new);
  }

  /** The registry as last built (built on first use). */
  @Override
  public ModelRegistry get() {
    ModelRegistry current = registry;
    if (current == null) {
      synchronized (this) {
        if (registry == null) {
          registry = build(userRegistry == null ? UserRegistry.empty() : userRegistry.current());
        }
        current = registry;
      }
    }
    return current;
  }

  /** Re-reads the user registry ConfigMap (one GET) and rebuilds the registry when it changed. */
  public void refresh() {
    if (userRegistry == null) {
      return;
    }
    Optional<UserRegistry> changed = userRegistry.poll();
    if (changed.isPresent()) {
      synchronized (this) {
        registry = build(changed.get());
      }
    }
  }

  /** The settings the current registry runs with (the token is never printed). */
  public RegistrySettings settings() {
    return get().settings();
  }

  private ModelRegistry build(UserRegistry users) {
    RegistrySettings registrySettings =
        RegistrySettings.defaults()
            .withHub(URI.create(settings.hubEndpoint()), token().orElse(null))
            .withOffline(demoMode || !settings.hubEnabled())
            .withRefreshInterval(settings.refreshInterval());
    ModelRegistry built =
        ModelRegistry.builder()
            .userRegistry(users)
            .settings(registrySettings)
            .cacheStore(cacheStore)
            .build();
    built.warnings().forEach(w -> LOG.warnf("model registry: %s", w));
    LOG.infof(
        "model registry: %s, %d user registry model(s)", registrySettings, users.models().size());
    return built;
  }

  private Optional<String> token() {
    if (settings.hubTokenSecret().isPresent()) {
      return secretToken(settings.hubTokenSecret().get());
    }
    return settings.hubTokenEnv().map(System::getenv).filter(t -> !t.isBlank());
  }

  private Optional<String> secretToken(String reference) {
    int slash = reference.indexOf('/');
    if (slash <= 0 || slash == reference.length() - 1) {
      throw new IllegalArgumentException(
          "modelfleet.registry.hub-token-secret must be name/key of a Secret in namespace "
              + namespace
              + ", e.g. hf-token/token, was "
              + reference);
    }
    String name = reference.substring(0, slash);
    String key = reference.substring(slash + 1);
    try {
      Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
      String encoded =
          secret == null || secret.getData() == null ? null : secret.getData().get(key);
      if (encoded == null) {
        LOG.warnf(
            "Secret %s/%s has no key %s (modelfleet.registry.hub-token-secret): reading the Hub"
                + " without a token",
            namespace, name, key);
        return Optional.empty();
      }
      return Optional.of(
          new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim());
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "Secret %s/%s could not be read (%s): reading the Hub without a token",
          namespace, name, e.getMessage());
      return Optional.empty();
    }
  }
}
