package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;

/**
 * The engines' Services, one per placed model: what the gateway sends to. Rendered by the serving
 * adapters from the pool's plan; one the plan no longer places is deleted, and an edited or deleted
 * one is restored.
 */
// Kubernetes 1.20's API server cannot create a Service by server-side apply ("resourceVersion
// should not be set on objects to be created"); Services are created and updated instead.
@KubernetesDependent(
    useSSA = BooleanWithUndefined.FALSE,
    informer = @Informer(labelSelector = EngineLabels.SELECTOR))
public class EngineServices extends CRUDKubernetesDependentResource<Service, ModelPool>
    implements CRUDBulkDependentResource<Service, ModelPool, ResourceID>,
        KubernetesBulkDependentResource<Service, ModelPool> {

  public EngineServices() {
    super(Service.class);
  }

  @Override
  public Map<ResourceID, Service> desiredResources(ModelPool pool, Context<ModelPool> context) {
    return RenderedPool.from(context).services();
  }
}
