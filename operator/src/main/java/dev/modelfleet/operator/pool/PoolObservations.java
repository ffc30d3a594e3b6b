package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.ranker.quality.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Quality evidence measured in this cluster for a pool's models (EvalRun results). */
@ApplicationScoped
public class PoolObservations {
  List<Observation> forPool(ModelPool pool) {
    return List.of();
  }
}
