package dev.modelfleet.gateway.routing;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import dev.modelfleet.gateway.routes.HardwareCatalog;
import dev.modelfleet.gateway.routes.PerRouteCache;
import dev.modelfleet.gateway.routes.RouteCatalog;
import dev.modelfleet.gateway.routes.SecretCatalog;
import dev.modelfleet.gateway.routes.ServiceEndpoints;
import dev.modelfleet.gateway.routing.Backend.PoolModelId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a route into the backends usable now: pool models whose pool reports an endpoint whose
 * Service has ready addresses (or, until its Endpoints are known, ready replicas), and external
 * endpoints the privacy tier allows and whose key Secret is readable.
 */
@Singleton
public class BackendResolver {
  /** The CRD's default timeoutSeconds, for routes read before defaults were applied. */
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /** The CRD's default retries. */
  static final int DEFAULT_RETRIES = 1;

  /** The CRD's default weight. */
  static final int DEFAULT_WEIGHT = 1;

  /** The path every pool model's engine serves the OpenAI API under (vLLM, SGLang, Ollama). */
  static final String POOL_API_PATH = "/v1";

  private static final double SECONDS_PER_HOUR = 3600.0;

  private final RouteCatalog catalog;
  private final SecretCatalog secrets;
  private final HardwareCatalog hardware;
  private final ServiceEndpoints endpoints;
  private final PerRouteCache<RoutePlan> plans;

  /** A resolver over the cached pools, engine Endpoints, Secrets and hardware profiles. */
  public BackendResolver(
      RouteCatalog catalog,
      SecretCatalog secrets,
      HardwareCatalog hardware,
      ServiceEndpoints endpoints) {
    this.catalog = catalog;
    this.secrets = secrets;
    this.hardware = hardware;
    this.endpoints = endpoints;
    this.plans = new PerRouteCache<>(catalog.generation());
  }

  /**
   * The route's healthy backends and fallbacks, in spec order. Resolved once per change to the
   * routes, pools, Secrets or hardware profiles, not per request.
   */
  public RoutePlan plan(ModelRoute route) {
    return plans.get(route, this::resolve);
  }

  private RoutePlan resolve(ModelRoute route) {
    ModelRouteSpec spec = route.getSpec();
    String namespace = route.getMetadata().getNamespace();
    PrivacyTier tier = spec.getPrivacyTier() == null ? PrivacyTier.INTERNAL : spec.getPrivacyTier();
    List<Backend> primaries = new ArrayList<>();
    for (WeightedBackend weighted : spec.getBackends()) {
      int weight = weighted.getWeight() == null ? DEFAULT_WEIGHT : weighted.getWeight();
      if (weight <= 0) {
        continue;
      }
      resolve(namespace, spec, tier, weighted.getPoolModel(), weighted.getExternal(), weight)
          .ifPresent(primaries::add);
    }
    List<Backend> fallbacks = new ArrayList<>();
    for (FallbackBackend fallback : spec.getFallbacks()) {
      resolve(namespace, spec, tier, fallback.getPoolModel(), fallback.getExternal(), 0)
          .ifPresent(fallbacks::add);
    }
    int retries = spec.getRetries() == null ? DEFAULT_RETRIES : spec.getRetries();
    int timeout =
        spec.getTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : spec.getTimeoutSeconds();
    return new RoutePlan(
        route,
        namespace + "/" + route.getMetadata().getName(),
        List.copyOf(primaries),
        List.copyOf(fallbacks),
        retries,
        Duration.ofSeconds(timeout));
  }

  private Optional<Backend> resolve(
      String namespace,
      ModelRouteSpec spec,
      PrivacyTier tier,
      ServedModelRef poolModel,
      ExternalBackend external,
      int weight) {
    if (poolModel != null) {
      return poolBackend(namespace, poolModel, weight);
    }
    if (external != null && allows(tier, external)) {
      return externalBackend(namespace, spec, external, weight);
    }
    return Optional.empty();
  }

  /** Whether a route of this tier may send prompts to this external endpoint. */
  static boolean allows(PrivacyTier tier, ExternalBackend external) {
    return switch (tier) {
      case PUBLIC -> true;
      case INTERNAL -> Boolean.TRUE.equals(external.getInternal());
      case LOCAL_ONLY -> false;
    };
  }

  private Optional<Backend> poolBackend(String namespace, ServedModelRef ref, int weight) {
    if (ref.getPool() == null || ref.getModel() == null) {
      return Optional.empty();
    }
    Optional<ModelStatus> served =
        catalog
            .pool(namespace, ref.getPool())
            .map(ModelPool::getStatus)
            .flatMap(
                status ->
                    status.getModels().stream()
                        .filter(m -> ref.getModel().equals(m.getName()))
                        .findFirst());
    if (served.isEmpty()) {
      return Optional.empty();
    }
    ModelStatus model = served.get();
    if (model.getEndpoint() == null || model.getEndpoint().isBlank()) {
      return Optional.empty();
    }
    // The Service's Endpoints are live; the pool's readyReplicas follow them a reconcile later.
    boolean ready =
        endpoints
            .readyAddresses(model.getEndpoint())
            .map(addresses -> addresses > 0)
            .orElse(model.getReadyReplicas() != null && model.getReadyReplicas() > 0);
    if (!ready) {
      return Optional.empty();
    }
    boolean adapter = ref.getAdapter() != null && !ref.getAdapter().isBlank();
    String name = ref.getPool() + "/" + ref.getModel() + (adapter ? "/" + ref.getAdapter() : "");
    int gpus = model.getGpusPerReplica() == null ? 1 : Math.max(1, model.getGpusPerReplica());
    double perSecond =
        hardware.costPerGpuHour(model.getHardwareProfile()).orElse(0.0) * gpus / SECONDS_PER_HOUR;
    return Optional.of(
        new Backend(
            name,
            trimSlash(model.getEndpoint()) + POOL_API_PATH,
            adapter ? ref.getAdapter() : ref.getModel(),
            Optional.empty(),
            weight,
            Optional.of(new PoolModelId(namespace, ref.getPool(), ref.getModel())),
            perSecond));
  }

  private Optional<Backend> externalBackend(
      String namespace, ModelRouteSpec spec, ExternalBackend external, int weight) {
    if (external.getUrl() == null) {
      return Optional.empty();
    }
    Optional<String> key = Optional.empty();
    SecretKeyRef ref = external.getApiKeySecretRef();
    if (ref != null) {
      key = secrets.value(namespace, ref.getName(), ref.getKey());
      if (key.isEmpty()) {
        // Sending without the key would only earn a 401 from the endpoint.
        return Optional.empty();
      }
    }
    String model = external.getModel() == null ? spec.getModel() : external.getModel();
    return Optional.of(
        new Backend(
            external.getUrl(),
            trimSlash(external.getUrl()),
            model,
            key,
            weight,
            Optional.empty(),
            0.0));
  }

  private static String trimSlash(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
