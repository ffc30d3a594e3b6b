package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A run's reference to one model of a ModelPool, read from the API server. A missing pool or model
 * is a {@link RunProblem} with the run's own reason, so the run's condition says what to fix.
 *
 * @param pool the pool, as stored
 * @param model its spec entry
 */
public record PoolModelLookup(ModelPool pool, PoolModel model) {

  /** Finds {@code model} in ModelPool {@code poolName}, or fails with {@code reason}. */
  public static PoolModelLookup find(
      KubernetesClient client, String namespace, String poolName, String model, String reason) {
    ModelPool pool =
        client.resources(ModelPool.class).inNamespace(namespace).withName(poolName).get();
    if (pool == null) {
      throw new RunProblem(
          reason, "ModelPool " + poolName + " does not exist in namespace " + namespace);
    }
    PoolModel found =
        pool.getSpec().getModels().stream()
            .filter(m -> model.equals(m.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new RunProblem(
                        reason,
                        "ModelPool " + poolName + " has no model " + model + " in spec.models"));
    return new PoolModelLookup(pool, found);
  }
}
