package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import java.util.Objects;

/**
 * Which EvalRun events can change a pool's ranking: a run that has finished with results for its
 * current spec, or that finished again (a new completion time). A run being created, waiting or
 * running cannot, so it wakes no pool.
 */
final class EvalEvidence {
  private EvalEvidence() {}

  static boolean finished(EvalRun run) {
    return run.getStatus() != null
        && run.getStatus().getPhase() == RunPhase.Succeeded
        && Objects.equals(
            run.getStatus().getObservedGeneration(), run.getMetadata().getGeneration());
  }

  static boolean changed(EvalRun before, EvalRun now) {
    if (!finished(now)) {
      return finished(before);
    }
    return !finished(before)
        || !Objects.equals(
            before.getStatus().getCompletionTime(), now.getStatus().getCompletionTime());
  }
}
