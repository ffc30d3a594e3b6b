package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.ranker.placement.Eviction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events for what a person wants to see in {@code kubectl describe modelpool}: a model placed,
 * serving, evicted, unfit or failed. Only transitions are recorded, so a steady pool is quiet.
 */
final class PoolEvents {
  private PoolEvents() {}

  static void record(
      EventRecorder recorder,
      ModelPool pool,
      ModelPoolStatus before,
      ModelPoolStatus after,
      List<Eviction> evictions) {
    for (Eviction e : evictions) {
      recorder.warning(
          pool,
          "Evicted",
          "model "
              + e.model()
              + ": "
              + e.replicasRemoved()
              + " replica(s) evicted, "
              + e.reason().statusReason()
              + ": "
              + e.message());
    }
    for (ModelStatus now : after.getModels()) {
      Optional<ModelStatus> was = find(before, now.getName());
      boolean changed =
          was.isEmpty()
              || was.get().getPhase() != now.getPhase()
              || !Objects.equals(was.get().getReason(), now.getReason())
              || !Objects.equals(was.get().getNodes(), now.getNodes());
      if (!changed || now.getPhase() == ModelPhase.Evicted) {
        continue;
      }
      String message =
          "model "
              + now.getName()
              + ": "
              + now.getPhase()
              + " ("
              + now.getReason()
              + "): "
              + now.getMessage();
      switch (now.getPhase()) {
        case Unfit:
        case Failed:
          recorder.warning(pool, "Model" + now.getPhase(), message);
          break;
        case Pending:
          if (!"ScaledToZero".equals(now.getReason())) {
            recorder.warning(pool, "ModelPending", message);
          }
          break;
        case Placed:
        case Downloading:
          if (was.isEmpty()
              || !placed(was.get())
              || !Objects.equals(was.get().getNodes(), now.getNodes())) {
            recorder.normal(
                pool,
                "ModelPlaced",
                "model "
                    + now.getName()
                    + " placed on "
                    + String.join(", ", now.getNodes())
                    + ": "
                    + now.getMessage());
          }
          break;
        case Serving:
          if (was.isEmpty() || was.get().getPhase() != ModelPhase.Serving) {
            recorder.normal(pool, "ModelServing", message);
          }
          break;
        default:
          break;
      }
    }
  }

  private static boolean placed(ModelStatus status) {
    return status.getPhase() == ModelPhase.Placed
        || status.getPhase() == ModelPhase.Downloading
        || status.getPhase() == ModelPhase.Serving;
  }

  private static Optional<ModelStatus> find(ModelPoolStatus status, String name) {
    return status == null
        ? Optional.empty()
        : status.getModels().stream().filter(m -> name.equals(m.getName())).findFirst();
  }
}
