package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;

/** The status of a pool whose reconcile failed: Ready False with the error, the rest kept. */
final class PoolFailure {
  private PoolFailure() {}

  static ModelPoolStatus status(ModelPool pool, Exception e, Instant now) {
    ModelPoolStatus status = pool.getStatus() == null ? new ModelPoolStatus() : pool.getStatus();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    status.setConditions(
        Conditions.merge(
            status.getConditions(),
            List.of(
                new ConditionBuilder()
                    .withType(ConditionTypes.READY)
                    .withStatus("False")
                    .withReason("ReconcileFailed")
                    .withMessage(
                        "could not plan or apply the pool (retrying with backoff): " + message)
                    .build()),
            pool.getMetadata().getGeneration(),
            now.toString()));
    return status;
  }
}
