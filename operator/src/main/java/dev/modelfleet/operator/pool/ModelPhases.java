package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.operator.pool.planning.ModelOutcome;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.ArrayList;

/**
 * A model's phase once its engine runs: the plan says Placed; the Deployment then says whether it
 * is still starting (Downloading: pulling the image and weights, loading them), Serving (a replica
 * passes readiness) or Failed (the rollout gave up).
 */
final class ModelPhases {
  /** The reason a Deployment's Progressing condition gives when the rollout timed out. */
  static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

  private ModelPhases() {}

  static ModelStatus observe(
      ModelOutcome outcome, String refusal, Deployment deployment, boolean dryRun) {
    ModelStatus status = new ModelStatus();
    status.setName(outcome.name());
    status.setEngine(outcome.engine());
    status.setHardwareProfile(outcome.hardwareProfile());
    status.setNodes(new ArrayList<>(outcome.nodes()));
    status.setReplicas(outcome.nodes().size());
    status.setGpusPerReplica(outcome.gpusPerReplica() == 0 ? null : outcome.gpusPerReplica());
    status.setEstimatedVramGiB(
        outcome.vramPerReplicaGiB() == 0
            ? null
            : PoolStatusFactory.round(outcome.vramPerReplicaGiB()));
    status.setEstimatedTokensPerSecond(
        outcome.tokensPerSecond() == 0 ? null : PoolStatusFactory.round(outcome.tokensPerSecond()));
    status.setScore(PoolStatusFactory.round(outcome.score()));
    status.setCacheDiskGiB(
        outcome.diskGiB() == 0 ? null : PoolStatusFactory.round(outcome.diskGiB()));
    status.setPhase(outcome.phase());
    status.setReason(outcome.reason());
    status.setMessage(outcome.message());
    if (outcome.phase() != ModelPhase.Placed) {
      return status;
    }
    if (refusal != null) {
      status.setPhase(ModelPhase.Failed);
      status.setReason("InvalidSpec");
      status.setMessage(refusal);
      return status;
    }
    if (dryRun) {
      status.setReason("DryRun");
      status.setMessage(outcome.message() + "; spec.dryRun is true, so nothing is created");
      return status;
    }
    if (deployment == null) {
      return status;
    }
    int ready =
        deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null
            ? 0
            : deployment.getStatus().getReadyReplicas();
    status.setReadyReplicas(ready);
    if (ready > 0) {
      status.setPhase(ModelPhase.Serving);
      status.setReason("Serving");
      status.setMessage(
          ready + " of " + status.getReplicas() + " replica(s) ready; " + outcome.message());
    } else if (rolloutFailed(deployment)) {
      status.setPhase(ModelPhase.Failed);
      status.setReason(PROGRESS_DEADLINE_EXCEEDED);
      status.setMessage(
          "no replica became ready before the Deployment's progress deadline: check the engine"
              + " pods' events and logs (kubectl describe deployment "
              + deployment.getMetadata().getName()
              + ")");
    } else {
      status.setPhase(ModelPhase.Downloading);
      status.setReason("EngineStarting");
      status.setMessage(
          "engine starting (image pull, weight download, load): 0 of "
              + status.getReplicas()
              + " replica(s) ready");
    }
    return status;
  }

  private static boolean rolloutFailed(Deployment deployment) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return false;
    }
    for (DeploymentCondition c : deployment.getStatus().getConditions()) {
      if ("Progressing".equals(c.getType())
          && "False".equals(c.getStatus())
          && PROGRESS_DEADLINE_EXCEEDED.equals(c.getReason())) {
        return true;
      }
    }
    return false;
  }
}
