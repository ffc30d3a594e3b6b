package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.Eviction;
import dev.modelfleet.crds.v1alpha1.pool.ModelFact;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolConditionTypes;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.PoolUsage;
import dev.modelfleet.operator.pool.planning.ModelOutcome;
import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.operator.status.Conditions;
import dev.modelfleet.serving.ServingNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a pool's status from its plan and what its engines' Deployments report: per model a phase
 * (a placed model is Downloading until a replica is ready, then Serving), the pool's totals, recent
 * evictions, and the Ready, Degraded and Progressing conditions.
 */
final class PoolStatusFactory {
  /** Evictions kept in status, newest first: enough to explain recent churn, bounded in size. */
  static final int EVICTIONS_KEPT = 20;

  private PoolStatusFactory() {}

  static ModelPoolStatus build(
      ModelPool pool,
      PoolPlan plan,
      RenderedPool rendered,
      Map<String, Deployment> deployments,
      Map<String, Instant> lastUsed,
      boolean dryRun,
      Instant now) {
    ModelPoolStatus previous = pool.getStatus();
    ModelPoolStatus status = new ModelPoolStatus();
    List<ModelStatus> models = new ArrayList<>();
    for (ModelOutcome outcome : plan.models()) {
      ModelStatus model =
          ModelPhases.observe(
              outcome,
              rendered.refused().get(outcome.name()),
              deployments.get(outcome.name()),
              dryRun);
      stayEvicted(model, previous);
      Instant used = lastUsed.get(outcome.name());
      model.setLastUsedTime(
          used != null ? used.toString() : previousLastUsed(previous, outcome.name()).orElse(null));
      if (model.getPhase() == ModelPhase.Placed
          || model.getPhase() == ModelPhase.Downloading
          || model.getPhase() == ModelPhase.Serving) {
        model.setEndpoint(endpoint(pool, outcome.name()));
      }
      specOf(pool, outcome.name())
          .ifPresent(
              m -> model.setAdapters(m.getAdapters().stream().map(a -> a.getName()).toList()));
      model.setFacts(
          outcome.facts().stream()
              .map(
                  f -> {
                    ModelFact fact = fact(f.name(), f.value(), f.source());
                    fact.setObservedAt(f.observedAt() == null ? null : f.observedAt().toString());
                    return fact;
                  })
              .toList());
      models.add(model);
    }
    status.setModels(models);
    status.setModelCount(models.size());
    status.setServingCount(
        (int) models.stream().filter(m -> m.getPhase() == ModelPhase.Serving).count());
    status.setEvictions(evictions(previous, plan, now));
    status.setUsage(usage(plan.totals()));
    status.setObservedGeneration(pool.getMetadata().getGeneration());
    status.setConditions(
        Conditions.merge(
            previous == null ? List.of() : previous.getConditions(),
            PoolConditions.of(models),
            pool.getMetadata().getGeneration(),
            now.toString()));
    return status;
  }

  /**
   * An evicted model that still finds no room stays Evicted, with the eviction's reason, rather
   * than turning into an anonymous Pending on the next pass: people need to see why it went.
   */
  private static void stayEvicted(ModelStatus model, ModelPoolStatus previous) {
    if (model.getPhase() != ModelPhase.Pending || previous == null) {
      return;
    }
    previous.getModels().stream()
        .filter(m -> model.getName().equals(m.getName()) && m.getPhase() == ModelPhase.Evicted)
        .findFirst()
        .ifPresent(
            was -> {
              model.setPhase(ModelPhase.Evicted);
              model.setReason(was.getReason());
              model.setMessage(was.getMessage());
            });
  }

  static String endpoint(ModelPool pool, String model) {
    return ServingNames.endpoint(
        pool.getMetadata().getNamespace(), pool.getMetadata().getName(), model);
  }

  private static Optional<PoolModel> specOf(ModelPool pool, String name) {
    return pool.getSpec().getModels().stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  private static Optional<String> previousLastUsed(ModelPoolStatus previous, String model) {
    if (previous == null) {
      return Optional.empty();
    }
    return previous.getModels().stream()
        .filter(m -> model.equals(m.getName()))
        .map(ModelStatus::getLastUsedTime)
        .filter(t -> t != null)
        .findFirst();
  }

  private static List<Eviction> evictions(ModelPoolStatus previous, PoolPlan plan, Instant now) {
    List<Eviction> out = new ArrayList<>();
    for (var e : plan.evictions()) {
      Eviction eviction = new Eviction();
      eviction.setModel(e.model());
      eviction.setReason(e.reason().statusReason());
      eviction.setMessage(e.message());
      eviction.setTime(now.toString());
      out.add(eviction);
    }
    if (previous != null) {
      out.addAll(previous.getEvictions());
    }
    return out.size() > EVICTIONS_KEPT ? new ArrayList<>(out.subList(0, EVICTIONS_KEPT)) : out;
  }

  private static PoolUsage usage(PoolPlan.PoolTotals totals) {
    PoolUsage usage = new PoolUsage();
    usage.setGpus(totals.gpus());
    usage.setVramGiB(round(totals.vramGiB()));
    usage.setVramBudgetGiB(round(totals.vramBudgetGiB()));
    usage.setDiskGiB(round(totals.diskGiB()));
    usage.setDiskBudgetGiB(totals.diskBudgetGiB());
    return usage;
  }

  private static ModelFact fact(String name, String value, String source) {
    ModelFact fact = new ModelFact();
    fact.setName(name);
    fact.setValue(value);
    fact.setSource(source);
    return fact;
  }

  static Double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** Ready, Degraded and Progressing from the models' phases. */
  static final class PoolConditions {
    private PoolConditions() {}

    static List<Condition> of(List<ModelStatus> models) {
      List<String> notServing = new ArrayList<>();
      List<String> troubled = new ArrayList<>();
      List<String> rolling = new ArrayList<>();
      for (ModelStatus m : models) {
        String line = m.getName() + ": " + m.getPhase() + " (" + m.getReason() + ")";
        switch (m.getPhase()) {
          case Serving:
            break;
          case Unfit:
          case Evicted:
          case Failed:
            troubled.add(line);
            notServing.add(line);
            break;
          case Placed:
          case Downloading:
            rolling.add(line);
            notServing.add(line);
            break;
          default:
            if (!"ScaledToZero".equals(m.getReason())) {
              troubled.add(line);
              notServing.add(line);
            }
        }
      }
      long serving = models.stream().filter(m -> m.getPhase() == ModelPhase.Serving).count();
      return List.of(
          condition(
              ConditionTypes.READY,
              notServing.isEmpty(),
              notServing.isEmpty() ? "AllServing" : "ModelsNotServing",
              notServing.isEmpty()
                  ? serving + " model(s) serving"
                  : serving
                      + " of "
                      + models.size()
                      + " model(s) serving; "
                      + String.join("; ", notServing)),
          condition(
              PoolConditionTypes.DEGRADED,
              !troubled.isEmpty(),
              troubled.isEmpty() ? "AllPlaced" : "ModelsNotPlaced",
              troubled.isEmpty() ? "every model is placed" : String.join("; ", troubled)),
          condition(
              PoolConditionTypes.PROGRESSING,
              !rolling.isEmpty(),
              rolling.isEmpty() ? "RolledOut" : "EnginesStarting",
              rolling.isEmpty() ? "no engine is starting" : String.join("; ", rolling)));
    }

    private static Condition condition(String type, boolean status, String reason, String message) {
      return new ConditionBuilder()
          .withType(type)
          .withStatus(status ? "True" : "False")
          .withReason(reason)
          .withMessage(message)
          .build();
    }
  }
}
