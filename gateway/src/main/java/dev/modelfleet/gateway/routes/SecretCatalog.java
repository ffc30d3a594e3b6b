package dev.modelfleet.gateway.routes;

import dev.modelfleet.crds.v1alpha1.route.ApiKeySecretRef;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The Secrets that routes reference (API keys, external endpoints' keys), and only those: one
 * informer per referenced Secret, started and stopped as routes change.
 */
@Singleton
public class SecretCatalog {
  private static final Logger LOG = Logger.getLogger(SecretCatalog.class);

  /** A Secret by namespace and name. */
  public record SecretId(String namespace, String name) {}

  private final KubernetesClient client;
  private final RouteCatalog routes;
  private final Map<SecretId, SharedIndexInformer<Secret>> informers = new ConcurrentHashMap<>();
  private volatile boolean running;

  /** A catalog that follows the Secrets the given routes reference. */
  public SecretCatalog(KubernetesClient client, RouteCatalog routes) {
    this.client = client;
    this.routes = routes;
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts following the routes' references. */
  public synchronized void start() {
    running = true;
    routes.onChange(this::follow);
    follow();
  }

  /** Stops every Secret informer. */
  public synchronized void stop() {
    running = false;
    informers.values().forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  /** Starts informers for newly referenced Secrets and stops those no route references now. */
  synchronized void follow() {
    if (!running) {
      return;
    }
    Set<SecretId> wanted = referenced(routes.routes());
    boolean dropped =
        informers
            .entrySet()
            .removeIf(
                e -> {
                  if (wanted.contains(e.getKey())) {
                    return false;
                  }
                  e.getValue().stop();
                  return true;
                });
    boolean added = false;
    for (SecretId id : wanted) {
      if (!informers.containsKey(id)) {
        informers.put(id, inform(id));
        added = true;
      }
    }
    if (dropped || added) {
      // Values read from a Secret no longer followed must not outlive it in derived caches, and a
      // new informer may have listed its Secret before it was reachable here.
      routes.generation().advance();
    }
  }

  private SharedIndexInformer<Secret> inform(SecretId id) {
    SharedIndexInformer<Secret> informer =
        client.secrets().inNamespace(id.namespace()).withName(id.name()).runnableInformer(0);
    // Keep retrying while the Secret is unreadable (RBAC not yet granted, API server away).
    informer.exceptionHandler(
        (started, error) -> !ExceptionHandler.isDeserializationException(error));
    informer.addEventHandler(new OnAnyChange<>(routes.generation()::advance));
    informer.start();
    LOG.debugf("Following Secret %s/%s", id.namespace(), id.name());
    return informer;
  }

  /** The Secrets the given routes reference, by namespace and name. */
  static Set<SecretId> referenced(List<ModelRoute> routes) {
    Set<SecretId> ids = new HashSet<>();
    for (ModelRoute route : routes) {
      if (route.getSpec() == null || route.getMetadata() == null) {
        continue;
      }
      String namespace = route.getMetadata().getNamespace();
      for (ApiKeySecretRef ref : route.getSpec().getApiKeys()) {
        if (ref != null && ref.getName() != null) {
          ids.add(new SecretId(namespace, ref.getName()));
        }
      }
      for (WeightedBackend backend : route.getSpec().getBackends()) {
        addExternal(ids, namespace, backend == null ? null : backend.getExternal());
      }
      for (FallbackBackend fallback : route.getSpec().getFallbacks()) {
        addExternal(ids, namespace, fallback == null ? null : fallback.getExternal());
      }
    }
    return ids;
  }

  private static void addExternal(Set<SecretId> ids, String namespace, ExternalBackend external) {
    if (external != null
        && external.getApiKeySecretRef() != null
        && external.getApiKeySecretRef().getName() != null) {
      ids.add(new SecretId(namespace, external.getApiKeySecretRef().getName()));
    }
  }

  /** The decoded values of a followed Secret, by key; empty when it is unknown or absent. */
  public Map<String, String> values(String namespace, String name) {
    SharedIndexInformer<Secret> informer = informers.get(new SecretId(namespace, name));
    if (informer == null) {
      return Map.of();
    }
    Secret secret = informer.getStore().getByKey(namespace + "/" + name);
    return secret == null ? Map.of() : decode(secret);
  }

  /** One decoded value of a followed Secret. */
  public Optional<String> value(String namespace, String name, String key) {
    return Optional.ofNullable(values(namespace, name).get(key));
  }

  private static Map<String, String> decode(Secret secret) {
    Map<String, String> values = new HashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) -> {
                try {
                  values.put(
                      k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8).strip());
                } catch (IllegalArgumentException e) {
                  LOG.warnf(
                      "Secret %s/%s key %s is not base64; ignored",
                      secret.getMetadata().getNamespace(), secret.getMetadata().getName(), k);
                }
              });
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> values.put(k, v.strip()));
    }
    return values;
  }
}
