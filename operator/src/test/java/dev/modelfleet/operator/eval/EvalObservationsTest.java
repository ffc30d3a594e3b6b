package dev.modelfleet.operator.eval;

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
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.SourceKind;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which EvalRuns count as ranking evidence, and how their scores are read. */
class EvalObservationsTest {
  private static final String DONE = "2026-03-01T12:00:00Z";

  @Test
  void lmEvalRatiosBecomePercentOnePerTask() {
    EvalRun run =
        finished(
            "gsm8k-run",
            null,
            metric("exact_match/strict-match", 0.75, "ratio", "gsm8k"),
            metric("exact_match/flexible-extract", 0.78, "ratio", "gsm8k"),
            metric("acc", 0.8, "ratio", "arc_easy"));

    List<Observation> evidence = EvalObservations.forPool(List.of(run), "chat");

    assertThat(evidence)
        .extracting(Observation::benchmark, Observation::score)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gsm8k", 75.0),
            org.assertj.core.groups.Tuple.tuple("arc_easy", 80.0));
    assertThat(evidence.get(0).observedAt()).isEqualTo(Instant.parse(DONE));
    assertThat(evidence.get(0).sourceKind()).isEqualTo(SourceKind.CLUSTER_EVAL);
  }

  @Test
  void adaptersOptOutsUnfinishedAndStaleRunsDoNotCount() {
    EvalRun adapter =
        finished("adapter", "support-tone", metric("accuracy", 90, "percent", "capitals"));
    EvalRun optOut = finished("opt-out", null, metric("accuracy", 90, "percent", "capitals"));
    optOut.getSpec().setRecordAsEvidence(false);
    EvalRun running = finished("running", null, metric("accuracy", 90, "percent", "capitals"));
    running.getStatus().setPhase(RunPhase.Running);
    EvalRun stale = finished("stale", null, metric("accuracy", 90, "percent", "capitals"));
    stale.getMetadata().setGeneration(2L);
    EvalRun latency = finished("latency", null, metric("ttft_p50", 80, "ms", null));

    assertThat(EvalObservations.forPool(List.of(adapter, optOut, running, stale, latency), "chat"))
        .isEmpty();
  }

  private static EvalRun finished(String name, String adapter, EvalMetric... results) {
    EvalRun run = new EvalRun();
    run.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("team").withGeneration(1L).build());
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    ref.setAdapter(adapter);
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(EvalSuite.QUALITY);
    run.setSpec(spec);
    EvalRunStatus status = new EvalRunStatus();
    status.setObservedGeneration(1L);
    status.setPhase(RunPhase.Succeeded);
    status.setCompletionTime(DONE);
    EvalProvenance provenance = new EvalProvenance();
    provenance.setModel("meta-llama/Llama-3.1-8B-Instruct");
    provenance.setQuantization("AWQ");
    status.setProvenance(provenance);
    status.setResults(List.of(results));
    run.setStatus(status);
    return run;
  }

  private static EvalMetric metric(String name, double value, String unit, String task) {
    EvalMetric m = new EvalMetric();
    m.setName(name);
    m.setValue(value);
    m.setUnit(unit);
    m.setTask(task);
    return m;
  }
}
