package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;

/**
 * The engines' Deployments, one per placed model. Rendered by the serving adapters from the pool's
 * plan; one the plan no longer places is deleted, and an edited or deleted one is restored.
 */
@KubernetesDependent(informer = @Informer(labelSelector = EngineLabels.SELECTOR))
public class EngineDeployments extends CRUDKubernetesDependentResource<Deployment, ModelPool>
    implements CRUDBulkDependentResource<Deployment, ModelPool, ResourceID>,
        KubernetesBulkDependentResource<Deployment, ModelPool> {

  public EngineDeployments() {
    super(Deployment.class);
  }

  @Override
  public Map<ResourceID, Deployment> desiredResources(ModelPool pool, Context<ModelPool> context) {
    return RenderedPool.from(context).deployments();
  }
}
