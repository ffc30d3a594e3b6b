package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.common.JobRunStatus;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;

/**
 * Writes an EvalRun's or AdapterRun's status the same way: stamped with the generation, phase and
 * merged conditions; not written when it says what the stored one says; retried once on the latest
 * version when the cache lagged behind the last write; and its transitions (succeeded, failed, a
 * warning) recorded as Events.
 *
 * @param <R> the run resource
 * @param <S> its status
 */
public final class RunStatusWriter<R extends CustomResource<?, S>, S extends JobRunStatus> {
  private final KubernetesClient client;
  private final EventRecorder events;
  private final Class<R> type;

  public RunStatusWriter(KubernetesClient client, EventRecorder events, Class<R> type) {
    this.client = client;
    this.events = events;
    this.type = type;
  }

  /** Completes {@code next} with the outcome and writes it when it changed. */
  public void write(R run, RunOutcome outcome, Condition warning, S next) {
    S before = run.getStatus();
    List<Condition> beforeConditions = before == null ? List.of() : before.getConditions();
    long generation = Objects.requireNonNullElse(run.getMetadata().getGeneration(), 1L);
    next.setObservedGeneration(generation);
    next.setPhase(outcome.phase());
    next.setConditions(
        Conditions.merge(
            beforeConditions, outcome.conditions(warning), generation, StatusWrites.now()));
    if (before != null && StatusWrites.sameContent(client, before, next)) {
      return;
    }
    try {
      updateStatus(run, next);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // Our cache lagged behind our own last write: once more on the latest version.
      R latest =
          client
              .resources(type)
              .inNamespace(run.getMetadata().getNamespace())
              .withName(run.getMetadata().getName())
              .get();
      if (latest == null || !Objects.equals(latest.getMetadata().getGeneration(), generation)) {
        return; // deleted or changed meanwhile: its own event brings another pass
      }
      if (latest.getStatus() != null
          && StatusWrites.sameContent(client, latest.getStatus(), next)) {
        return;
      }
      updateStatus(latest, next);
    }
    recordTransitions(run, beforeConditions, next.getConditions());
  }

  private void updateStatus(R base, S next) {
    R withStatus = client.getKubernetesSerialization().clone(base);
    withStatus.setStatus(next);
    client.resource(withStatus).updateStatus();
  }

  private void recordTransitions(R run, List<Condition> before, List<Condition> after) {
    if (Conditions.turned(before, after, ConditionTypes.READY, "True")) {
      Conditions.find(after, ConditionTypes.READY)
          .ifPresent(c -> events.normal(run, "Succeeded", c.getMessage()));
    }
    if (Conditions.turned(before, after, RunConditionTypes.FAILED, "True")) {
      Conditions.find(after, RunConditionTypes.FAILED)
          .ifPresent(c -> events.warning(run, c.getReason(), c.getMessage()));
    }
    if (Conditions.turned(before, after, ConditionTypes.WARNING, "True")) {
      Conditions.find(after, ConditionTypes.WARNING)
          .ifPresent(c -> events.warning(run, c.getReason(), c.getMessage()));
    }
  }
}
