package dev.modelfleet.gateway.testing;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** ModelRoutes for tests. */
public final class TestRoutes {
  private TestRoutes() {}

  /** A route named {@code name} in {@code namespace} for the OpenAI model name {@code model}. */
  public static ModelRoute route(String namespace, String name, String model) {
    ServedModelRef backend = new ServedModelRef();
    backend.setPool("pool");
    backend.setModel("llama-3-1-8b");
    WeightedBackend weighted = new WeightedBackend();
    weighted.setPoolModel(backend);
    ModelRouteSpec spec = new ModelRouteSpec();
    spec.setModel(model);
    spec.setBackends(List.of(weighted));
    ModelRoute route = new ModelRoute();
    route.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    route.setSpec(spec);
    return route;
  }
}
