package dev.modelfleet.operator.pool.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalMetric;
import dev.modelfleet.crds.v1alpha1.eval.EvalProvenance;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunStatus;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.eval.EvalObservations;
import dev.modelfleet.ranker.quality.Observation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end through the planner: EvalRun results, read as the controller reads them, change which
 * of two models competing for the same GPUs the pool serves.
 */
class EvalEvidenceChangesPlacementTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final String QWEN = "Qwen/Qwen2.5-1.5B-Instruct";
  private static final String LLAMA = "meta-llama/Llama-3.2-1B-Instruct";

  /** Enough replicas of either model to take every L4 of the demo fleet. */
  private static final int REPLICAS = 4;

  private final List<HardwareProfile> fleet = ExampleFleet.profiles();
  private final PoolPlanner planner = PoolPlanner.bundled();

  @Test
  void evalResultsMoveTheGpusToTheModelThatMeasuredBetter() {
    ModelPool pool = pool();
    String before = servedModel(plan(pool, List.of()));
    String other = before.equals("qwen") ? "llama" : "qwen";

    List<EvalRun> runs =
        List.of(
            finished("measured-" + other, other, repo(other), 97.0),
            finished("measured-" + before, before, repo(before), 3.0));
    List<Observation> evidence = EvalObservations.forPool(runs, "chat");
    PoolPlan after = plan(pool, evidence);

    assertThat(evidence).hasSize(6);
    assertThat(servedModel(after)).isEqualTo(other);
    assertThat(outcome(after, other).score()).isGreaterThan(outcome(after, before).score());
  }

  private PoolPlan plan(ModelPool pool, List<Observation> evidence) {
    return planner.plan(
        new PoolPlanInput(
            pool, fleet, null, List.of(), List.of(), Map.of(), Map.of(), evidence, NOW));
  }

  /** The model holding the GPUs: the one with the most placed replicas. */
  private static String servedModel(PoolPlan plan) {
    ModelOutcome qwen = outcome(plan, "qwen");
    ModelOutcome llama = outcome(plan, "llama");
    assertThat(qwen.nodes().size() + llama.nodes().size()).isEqualTo(REPLICAS);
    assertThat(List.of(qwen.phase(), llama.phase())).contains(ModelPhase.Placed);
    return qwen.nodes().size() > llama.nodes().size() ? "qwen" : "llama";
  }

  private static ModelOutcome outcome(PoolPlan plan, String name) {
    return plan.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static String repo(String model) {
    return model.equals("qwen") ? QWEN : LLAMA;
  }

  private ModelPool pool() {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName("chat");
    pool.getMetadata().setNamespace("team");
    pool.setSpec(new ModelPoolSpec());
    pool.getSpec().setModels(new ArrayList<>(List.of(model("qwen", QWEN), model("llama", LLAMA))));
    HardwareProfileSelector l4 = new HardwareProfileSelector();
    l4.setNames(
        fleet.stream()
            .filter(
                p ->
                    p.getSpec().getGpu() != null
                        && "NVIDIA-L4".equals(p.getSpec().getGpu().getProduct()))
            .map(p -> p.getMetadata().getName())
            .toList());
    pool.getSpec().setHardwareProfiles(l4);
    return pool;
  }

  private static PoolModel model(String name, String repo) {
    PoolModel model = new PoolModel();
    model.setName(name);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    model.setSource(source);
    model.setContextLength(4096);
    model.setReplicas(REPLICAS);
    return model;
  }

  /** A quality EvalRun of a pool model that succeeded with the same score on three tasks. */
  private static EvalRun finished(String name, String model, String repo, double percent) {
    EvalRun run = new EvalRun();
    run.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("team").withGeneration(1L).build());
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool("chat");
    ref.setModel(model);
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(EvalSuite.QUALITY);
    run.setSpec(spec);
    EvalRunStatus status = new EvalRunStatus();
    status.setObservedGeneration(1L);
    status.setPhase(RunPhase.Succeeded);
    status.setCompletionTime("2026-11-20T12:00:00Z");
    EvalProvenance provenance = new EvalProvenance();
    provenance.setModel(repo);
    status.setProvenance(provenance);
    List<EvalMetric> results = new ArrayList<>();
    for (String task : List.of("capitals", "arithmetic", "science-mc")) {
      EvalMetric metric = new EvalMetric();
      metric.setName("accuracy");
      metric.setValue(percent);
      metric.setUnit("percent");
      metric.setTask(task);
      results.add(metric);
    }
    status.setResults(results);
    run.setStatus(status);
    return run;
  }
}
