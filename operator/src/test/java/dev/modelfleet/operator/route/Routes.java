package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import java.util.ArrayList;
import java.util.List;

/** Builders for ModelRoutes and ModelPools in tests. */
final class Routes {
  private Routes() {}

  static ModelRoute route(String namespace, String name, ModelRouteSpec spec) {
    ModelRoute route = new ModelRoute();
    route.getMetadata().setName(name);
    route.getMetadata().setNamespace(namespace);
    route.setSpec(spec);
    return route;
  }

  static ModelRouteSpec spec(PrivacyTier tier, WeightedBackend... backends) {
    ModelRouteSpec spec = new ModelRouteSpec();
    spec.setModel("chat");
    spec.setPrivacyTier(tier);
    spec.setBackends(new ArrayList<>(List.of(backends)));
    return spec;
  }

  static WeightedBackend poolBackend(String pool, String model, String adapter, int weight) {
    WeightedBackend b = new WeightedBackend();
    b.setPoolModel(ref(pool, model, adapter));
    b.setWeight(weight);
    return b;
  }

  static WeightedBackend externalBackend(ExternalBackend external, int weight) {
    WeightedBackend b = new WeightedBackend();
    b.setExternal(external);
    b.setWeight(weight);
    return b;
  }

  static FallbackBackend poolFallback(String pool, String model) {
    FallbackBackend f = new FallbackBackend();
    f.setPoolModel(ref(pool, model, null));
    return f;
  }

  static FallbackBackend externalFallback(ExternalBackend external) {
    FallbackBackend f = new FallbackBackend();
    f.setExternal(external);
    return f;
  }

  static ServedModelRef ref(String pool, String model, String adapter) {
    ServedModelRef ref = new ServedModelRef();
    ref.setPool(pool);
    ref.setModel(model);
    ref.setAdapter(adapter);
    return ref;
  }

  static ExternalBackend external(String url, boolean internal, String secret, String key) {
    ExternalBackend e = new ExternalBackend();
    e.setUrl(url);
    e.setInternal(internal);
    if (secret != null) {
      SecretKeyRef ref = new SecretKeyRef();
      ref.setName(secret);
      ref.setKey(key);
      e.setApiKeySecretRef(ref);
    }
    return e;
  }

  /** A pool in namespace listing the models, with no status yet. */
  static ModelPool pool(String namespace, String name, String... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName(name);
    pool.getMetadata().setNamespace(namespace);
    pool.setSpec(new ModelPoolSpec());
    for (String m : models) {
      PoolModel model = new PoolModel();
      model.setName(m);
      ModelSource source = new ModelSource();
      source.setHuggingFace("Qwen/Qwen2.5-1.5B-Instruct");
      model.setSource(source);
      model.setContextLength(4096);
      pool.getSpec().getModels().add(model);
    }
    return pool;
  }

  /** Sets (or replaces) the status entry of one model of the pool. */
  static ModelStatus modelStatus(
      ModelPool pool, String model, ModelPhase phase, int readyReplicas, String reason) {
    if (pool.getStatus() == null) {
      pool.setStatus(new ModelPoolStatus());
    }
    pool.getStatus().getModels().removeIf(m -> m.getName().equals(model));
    ModelStatus status = new ModelStatus();
    status.setName(model);
    status.setPhase(phase);
    status.setReadyReplicas(readyReplicas);
    status.setReplicas(1);
    status.setReason(reason);
    status.setMessage(reason == null ? null : "because " + reason);
    pool.getStatus().getModels().add(status);
    return status;
  }
}
