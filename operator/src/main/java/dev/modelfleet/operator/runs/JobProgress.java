package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Job's status as the Job controller writes it: the Complete or Failed condition once it
 * has finished (reason DeadlineExceeded when activeDeadlineSeconds ran out, BackoffLimitExceeded
 * when its Pods kept failing), active Pods while it runs.
 */
public record JobProgress(
    State state, String reason, String message, String startTime, String completionTime) {

  /** Where the Job stands. */
  public enum State {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT
  }

  /** The Job controller's reason for a Job stopped by activeDeadlineSeconds. */
  static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  public static JobProgress of(Job job) {
    JobStatus status = job.getStatus();
    if (status == null) {
      return new JobProgress(State.PENDING, null, null, null, null);
    }
    Optional<JobCondition> complete = trueCondition(status.getConditions(), "Complete");
    if (complete.isPresent()) {
      return new JobProgress(
          State.SUCCEEDED, null, null, status.getStartTime(), status.getCompletionTime());
    }
    Optional<JobCondition> failed = trueCondition(status.getConditions(), "Failed");
    if (failed.isPresent()) {
      String reason = failed.get().getReason();
      State state = DEADLINE_EXCEEDED.equals(reason) ? State.TIMED_OUT : State.FAILED;
      String finished =
          failed.get().getLastTransitionTime() != null
              ? failed.get().getLastTransitionTime()
              : failed.get().getLastProbeTime();
      return new JobProgress(
          state, reason, failed.get().getMessage(), status.getStartTime(), finished);
    }
    boolean active = status.getActive() != null && status.getActive() > 0;
    return new JobProgress(
        active ? State.RUNNING : State.PENDING, null, null, status.getStartTime(), null);
  }

  private static Optional<JobCondition> trueCondition(List<JobCondition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream()
            .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
  }
}
