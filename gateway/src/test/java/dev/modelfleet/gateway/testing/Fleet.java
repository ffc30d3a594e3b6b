package dev.modelfleet.gateway.testing;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.route.ApiKeySecretRef;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.HeaderMatch;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.RouteMatch;
import dev.modelfleet.crds.v1alpha1.route.RoutePricing;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ModelPools, ModelRoutes and Secrets of a test in a mock API server. */
public final class Fleet {
  private final KubernetesClient client;
  private final String namespace;

  public Fleet(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  /** A pool whose models are served (1 ready replica each) at the given backends' endpoints. */
  public ModelPool pool(String name, Map<String, FakeBackend> models) {
    return pool(name, models, 1, null);
  }

  /** A pool whose models have {@code ready} ready replicas, on {@code profile} hardware. */
  public ModelPool pool(String name, Map<String, FakeBackend> models, int ready, String profile) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    models.forEach((model, backend) -> endpoints.put(model, backend.endpoint()));
    return poolServing(name, endpoints, ready, profile);
  }

  /** A pool whose models report the given endpoints (any URL) and {@code ready} ready replicas. */
  public ModelPool poolServing(
      String name, Map<String, String> endpoints, int ready, String profile) {
    ModelPool pool = new ModelPool();
    pool.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    pool.setSpec(new ModelPoolSpec());
    ModelPool stored = client.resource(pool).createOr(existing -> existing.update());
    ModelPoolStatus status = new ModelPoolStatus();
    List<ModelStatus> served = new ArrayList<>();
    endpoints.forEach(
        (model, endpoint) -> {
          ModelStatus entry = new ModelStatus();
          entry.setName(model);
          entry.setEndpoint(endpoint);
          entry.setReadyReplicas(ready);
          entry.setReplicas(Math.max(1, ready));
          entry.setGpusPerReplica(1);
          entry.setHardwareProfile(profile);
          served.add(entry);
        });
    status.setModels(served);
    stored.setStatus(status);
    return client.resource(stored).updateStatus();
  }

  /** A Secret holding {@code data} (plain values). */
  public void secret(String name, Map<String, String> data) {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withStringData(data)
                .build())
        .createOr(existing -> existing.update());
  }

  /** Starts a route for the OpenAI model name {@code model}. */
  public RouteBuilder route(String name, String model) {
    return new RouteBuilder(name, model);
  }

  /** A ModelRoute under construction. */
  public final class RouteBuilder {
    private final ModelRoute route = new ModelRoute();
    private final ModelRouteSpec spec = new ModelRouteSpec();

    RouteBuilder(String name, String model) {
      route.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
      spec.setModel(model);
      route.setSpec(spec);
    }

    public RouteBuilder backend(String pool, String model, int weight) {
      return backend(pool, model, null, weight);
    }

    public RouteBuilder backend(String pool, String model, String adapter, int weight) {
      WeightedBackend backend = new WeightedBackend();
      backend.setPoolModel(ref(pool, model, adapter));
      backend.setWeight(weight);
      spec.getBackends().add(backend);
      return this;
    }

    public RouteBuilder external(String url, String model, String keySecret, boolean internal) {
      WeightedBackend backend = new WeightedBackend();
      backend.setExternal(externalBackend(url, model, keySecret, internal));
      spec.getBackends().add(backend);
      return this;
    }

    public RouteBuilder fallback(String pool, String model) {
      FallbackBackend fallback = new FallbackBackend();
      fallback.setPoolModel(ref(pool, model, null));
      spec.getFallbacks().add(fallback);
      return this;
    }

    public RouteBuilder externalFallback(String url, String model, boolean internal) {
      FallbackBackend fallback = new FallbackBackend();
      fallback.setExternal(externalBackend(url, model, null, internal));
      spec.getFallbacks().add(fallback);
      return this;
    }

    public RouteBuilder retries(int retries) {
      spec.setRetries(retries);
      return this;
    }

    public RouteBuilder timeoutSeconds(int seconds) {
      spec.setTimeoutSeconds(seconds);
      return this;
    }

    public RouteBuilder privacy(PrivacyTier tier) {
      spec.setPrivacyTier(tier);
      return this;
    }

    public RouteBuilder apiKeys(String secret, String key) {
      ApiKeySecretRef ref = new ApiKeySecretRef();
      ref.setName(secret);
      ref.setKey(key);
      spec.getApiKeys().add(ref);
      return this;
    }

    public RouteBuilder header(String name, String value) {
      if (spec.getMatch() == null) {
        spec.setMatch(new RouteMatch());
      }
      HeaderMatch match = new HeaderMatch();
      match.setName(name);
      match.setValue(value);
      spec.getMatch().getHeaders().add(match);
      return this;
    }

    public RouteBuilder pricing(double inputPerMillion, double outputPerMillion) {
      RoutePricing pricing = new RoutePricing();
      pricing.setUsdPerMillionInputTokens(inputPerMillion);
      pricing.setUsdPerMillionOutputTokens(outputPerMillion);
      spec.setPricing(pricing);
      return this;
    }

    /** The route as built, not stored. */
    public ModelRoute build() {
      return route;
    }

    /** Stores the route (creating or replacing it). */
    public ModelRoute apply() {
      return client.resource(route).createOr(existing -> existing.update());
    }

    private ServedModelRef ref(String pool, String model, String adapter) {
      ServedModelRef ref = new ServedModelRef();
      ref.setPool(pool);
      ref.setModel(model);
      ref.setAdapter(adapter);
      return ref;
    }

    private ExternalBackend externalBackend(
        String url, String model, String keySecret, boolean internal) {
      ExternalBackend external = new ExternalBackend();
      external.setUrl(url);
      external.setModel(model);
      external.setInternal(internal);
      if (keySecret != null) {
        SecretKeyRef ref = new SecretKeyRef();
        ref.setName(keySecret);
        ref.setKey("api-key");
        external.setApiKeySecretRef(ref);
      }
      return external;
    }
  }
}
