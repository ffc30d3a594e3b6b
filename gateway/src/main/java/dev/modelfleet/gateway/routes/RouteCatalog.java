package dev.modelfleet.gateway.routes;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.config.GatewaySettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The ModelRoutes and ModelPools in the watched namespaces, kept current by Fabric8 informers, so
 * route and pool changes apply without a restart.
 */
@Singleton
public class RouteCatalog {
  private static final Logger LOG = Logger.getLogger(RouteCatalog.class);

  private final Set<String> namespaces;
  private final NamespacedInformers<ModelRoute> routes;
  private final NamespacedInformers<ModelPool> pools;
  private final CatalogGeneration generation;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  // Rebuilt on every route change so a request finds its routes without scanning them all.
  private volatile Map<String, List<ModelRoute>> byModel = Map.of();

  /** A catalog over the namespaces given, or all namespaces when they name none. */
  public RouteCatalog(KubernetesClient client, Optional<Set<String>> watched) {
    this(client, watched, new CatalogGeneration());
  }

  /** The same, advancing {@code generation} after every change. */
  public RouteCatalog(
      KubernetesClient client, Optional<Set<String>> watched, CatalogGeneration generation) {
    this.generation = generation;
    this.namespaces = new TreeSet<>(watched.orElse(Set.of()));
    this.namespaces.removeIf(String::isBlank);
    this.routes =
        new NamespacedInformers<>(
            namespaces,
            () -> client.resources(ModelRoute.class).inAnyNamespace().runnableInformer(0),
            ns -> client.resources(ModelRoute.class).inNamespace(ns).runnableInformer(0),
            this::routesChanged);
    this.pools =
        new NamespacedInformers<>(
            namespaces,
            () -> client.resources(ModelPool.class).inAnyNamespace().runnableInformer(0),
            ns -> client.resources(ModelPool.class).inNamespace(ns).runnableInformer(0),
            this::changed);
  }

  /** A catalog over the namespaces the settings name. */
  @Inject
  public RouteCatalog(
      KubernetesClient client, GatewaySettings settings, CatalogGeneration generation) {
    this(client, settings.namespaces(), generation);
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the informers without waiting for them to sync; readiness reports when they have. */
  public void start() {
    routes.start();
    pools.start();
    LOG.infof("Watching ModelRoutes and ModelPools in %s", describeNamespaces());
  }

  /** Stops the informers; the catalog is then empty and unready. */
  public void stop() {
    routes.stop();
    pools.stop();
    byModel = Map.of();
  }

  /** The generation this catalog advances, shared with the Secret and hardware catalogs. */
  public CatalogGeneration generation() {
    return generation;
  }

  /** Calls {@code listener} after every change to a route or pool (on an informer thread). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  // Synchronized: with several namespaces, informers call this on their own threads, and an
  // index built from an older list must not replace a newer one.
  private synchronized void routesChanged() {
    Map<String, List<ModelRoute>> index = new HashMap<>();
    for (ModelRoute route : routes.list()) {
      if (route.getSpec() != null && route.getSpec().getModel() != null) {
        index.computeIfAbsent(route.getSpec().getModel(), k -> new ArrayList<>()).add(route);
      }
    }
    byModel = index;
    changed();
  }

  private void changed() {
    generation.advance();
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("A route catalog listener failed", e);
      }
    }
  }

  /** Whether every informer has listed its namespace once and none has stopped. */
  public boolean hasSynced() {
    return routes.hasSynced() && pools.hasSynced();
  }

  /** The cached routes of all watched namespaces, in no particular order. */
  public List<ModelRoute> routes() {
    return routes.list();
  }

  /** The cached routes whose spec.model is {@code model}. */
  public List<ModelRoute> routesFor(String model) {
    return byModel.getOrDefault(model, List.of());
  }

  /** The cached ModelPool with this namespace and name. */
  public Optional<ModelPool> pool(String namespace, String name) {
    return pools.get(namespace, name);
  }

  /** The watched namespaces; empty for all. */
  public Set<String> namespaces() {
    return Set.copyOf(namespaces);
  }

  /** The watched namespaces, for logs and health data. */
  public String describeNamespaces() {
    return namespaces.isEmpty() ? "all namespaces" : String.join(",", namespaces);
  }
}
