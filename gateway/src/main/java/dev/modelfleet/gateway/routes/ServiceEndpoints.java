package dev.modelfleet.gateway.routes;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The Endpoints of the engine Services the operator created, in the watched namespaces: how many
 * ready addresses each has right now. Endpoints change the moment a pod fails its readiness probe,
 * before the operator has reconciled the pool's status, so a pool model whose Service has no ready
 * address is skipped without a failed attempt.
 */
@Singleton
public class ServiceEndpoints {
  /**
   * The label the operator puts on every object it writes (ManagedLabels in serving-adapters); the
   * endpoints controller copies a Service's labels to its Endpoints.
   */
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  static final String OPERATOR = "modelfleet-operator";

  private final NamespacedInformers<Endpoints> endpoints;

  /** Endpoints in the catalog's namespaces, advancing its generation on every change. */
  public ServiceEndpoints(KubernetesClient client, RouteCatalog catalog) {
    CatalogGeneration generation = catalog.generation();
    this.endpoints =
        new NamespacedInformers<>(
            catalog.namespaces(),
            () ->
                client
                    .endpoints()
                    .inAnyNamespace()
                    .withLabel(MANAGED_BY, OPERATOR)
                    .runnableInformer(0),
            ns ->
                client
                    .endpoints()
                    .inNamespace(ns)
                    .withLabel(MANAGED_BY, OPERATOR)
                    .runnableInformer(0),
            generation::advance);
  }

  void onStart(@Observes StartupEvent event) {
    endpoints.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    endpoints.stop();
  }

  /**
   * Ready addresses behind an in-cluster Service URL ({@code
   * http://<service>.<namespace>.svc:...}); empty when the URL names no Service or its Endpoints
   * are not known (not yet listed, or not readable), so the caller falls back to what the pool's
   * status says.
   */
  public Optional<Integer> readyAddresses(String serviceUrl) {
    return ServiceHost.parse(serviceUrl)
        .flatMap(host -> endpoints.get(host.namespace(), host.service()))
        .map(ServiceEndpoints::ready);
  }

  private static int ready(Endpoints found) {
    int ready = 0;
    if (found.getSubsets() == null) {
      return ready;
    }
    for (EndpointSubset subset : found.getSubsets()) {
      ready += subset.getAddresses() == null ? 0 : subset.getAddresses().size();
    }
    return ready;
  }

  /** The Service and namespace in a cluster DNS name, {@code <service>.<namespace>.svc[...]}. */
  record ServiceHost(String service, String namespace) {
    static Optional<ServiceHost> parse(String url) {
      if (url == null) {
        return Optional.empty();
      }
      String host;
      try {
        host = URI.create(url.strip()).getHost();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (host == null) {
        return Optional.empty();
      }
      String[] labels = host.split("\\.");
      if (labels.length < 3 || !labels[2].equals("svc")) {
        return Optional.empty();
      }
      return Optional.of(new ServiceHost(labels[0], labels[1]));
    }
  }
}
