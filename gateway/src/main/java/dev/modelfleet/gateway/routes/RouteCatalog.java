package dev.modelfleet.gateway.routes;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.config.GatewaySettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/** The ModelRoutes in the watched namespaces, kept current by Fabric8 informers. */
@ApplicationScoped
public class RouteCatalog {
  private static final Logger LOG = Logger.getLogger(RouteCatalog.class);

  private final KubernetesClient client;
  private final Set<String> namespaces;
  private volatile List<SharedIndexInformer<ModelRoute>> informers = List.of();

  /** A catalog over the namespaces the settings name, or all namespaces when they name none. */
  public RouteCatalog(KubernetesClient client, GatewaySettings settings) {
    this.client = client;
    this.namespaces = new TreeSet<>(settings.namespaces().orElse(Set.of()));
    this.namespaces.removeIf(String::isBlank);
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the informers without waiting for them to sync; readiness reports when they have. */
  public synchronized void start() {
    if (!informers.isEmpty()) {
      return;
    }
    List<SharedIndexInformer<ModelRoute>> started = new ArrayList<>();
    // Fabric8 has no multi-namespace informer: one informer per namespace, or one for all.
    if (namespaces.isEmpty()) {
      started.add(start(client.resources(ModelRoute.class).inAnyNamespace().runnableInformer(0)));
    } else {
      for (String namespace : namespaces) {
        started.add(
            start(client.resources(ModelRoute.class).inNamespace(namespace).runnableInformer(0)));
      }
    }
    informers = List.copyOf(started);
    LOG.infof("Watching ModelRoutes in %s", describeNamespaces());
  }

  private SharedIndexInformer<ModelRoute> start(SharedIndexInformer<ModelRoute> informer) {
    // Fabric8's default handler stops the informer when the first list fails or a watch ends in
    // an error. A gateway started before its CRD or RBAC, or cut off from the API server, should
    // keep retrying (unready until the first sync) instead. A resource that cannot be read would
    // fail the same way on every retry, so that one stops the informer.
    informer.exceptionHandler(
        (started, error) -> !ExceptionHandler.isDeserializationException(error));
    informer.start();
    return informer;
  }

  /** Stops the informers; the catalog is then empty and unready. */
  public synchronized void stop() {
    informers.forEach(SharedIndexInformer::stop);
    informers = List.of();
  }

  /** Whether every informer has listed its namespace once and none has stopped. */
  public boolean hasSynced() {
    List<SharedIndexInformer<ModelRoute>> current = informers;
    return !current.isEmpty()
        && current.stream()
            .allMatch(i -> i.hasSynced() && !i.stopped().toCompletableFuture().isDone());
  }

  /** The cached routes of all watched namespaces, in no particular order. */
  public List<ModelRoute> routes() {
    List<ModelRoute> routes = new ArrayList<>();
    for (SharedIndexInformer<ModelRoute> informer : informers) {
      routes.addAll(informer.getStore().list());
    }
    return routes;
  }

  /** The watched namespaces, for logs and health data. */
  public String describeNamespaces() {
    return namespaces.isEmpty() ? "all namespaces" : String.join(",", namespaces);
  }
}
