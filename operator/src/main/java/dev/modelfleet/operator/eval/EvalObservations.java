package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.eval.EvalMetric;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunStatus;
import dev.modelfleet.ranker.quality.Observation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns finished EvalRuns into ranking evidence for the ranker's QualityScorer: one {@link
 * Observation} per scored task, evidence DIRECT (the served model, quantization and engine were
 * measured), observed at the run's completion time, source "EvalRun namespace/name". Only quality
 * and lm-eval scores count (latency says nothing about quality); runs of a route or of an adapter
 * are left out (they measure something other than the pool model), and so are runs with {@code
 * recordAsEvidence: false}.
 */
public final class EvalObservations {
  private static final double PERCENT = 100.0;

  private EvalObservations() {}

  /** Evidence from the EvalRuns of one pool, read from the API server. */
  public static List<Observation> forPool(KubernetesClient client, String namespace, String pool) {
    return forPool(client.resources(EvalRun.class).inNamespace(namespace).list().getItems(), pool);
  }

  /**
   * Evidence from the given EvalRuns (e.g. an informer's cache) that measured the pool's models.
   */
  public static List<Observation> forPool(Collection<EvalRun> runs, String pool) {
    List<Observation> observations = new ArrayList<>();
    for (EvalRun run : runs) {
      if (counts(run, pool)) {
        observations.addAll(of(run));
      }
    }
    return observations;
  }

  private static boolean counts(EvalRun run, String pool) {
    EvalRunStatus status = run.getStatus();
    var target = run.getSpec() == null ? null : run.getSpec().getTarget();
    return target != null
        && target.getPoolModel() != null
        && pool.equals(target.getPoolModel().getPool())
        && target.getPoolModel().getAdapter() == null
        && !Boolean.FALSE.equals(run.getSpec().getRecordAsEvidence())
        && status != null
        && status.getPhase() == RunPhase.Succeeded
        && Objects.equals(status.getObservedGeneration(), run.getMetadata().getGeneration())
        && status.getProvenance() != null
        && status.getProvenance().getModel() != null;
  }

  /** One score per task: the first percent or ratio figure reported for it. */
  static List<Observation> of(EvalRun run) {
    EvalRunStatus status = run.getStatus();
    String name = run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
    Instant observedAt = parse(status.getCompletionTime());
    Set<String> seen = new HashSet<>();
    List<Observation> observations = new ArrayList<>();
    for (EvalMetric metric : status.getResults()) {
      if (metric.getTask() == null
          || metric.getValue() == null
          || seen.contains(metric.getTask())) {
        continue;
      }
      Double score =
          switch (Objects.toString(metric.getUnit(), "")) {
            case "percent" -> metric.getValue();
            case "ratio" -> metric.getValue() * PERCENT;
            default -> null;
          };
      if (score == null) {
        continue;
      }
      seen.add(metric.getTask());
      observations.add(
          Observation.fromEvalRun(
              status.getProvenance().getModel(),
              status.getProvenance().getQuantization(),
              metric.getTask(),
              score,
              name,
              observedAt));
    }
    return observations;
  }

  private static Instant parse(String time) {
    try {
      return time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
