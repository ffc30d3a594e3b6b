package dev.modelfleet.operator.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalMetric;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import dev.modelfleet.crds.v1alpha1.eval.QualityDataset;
import dev.modelfleet.crds.v1alpha1.eval.QualitySuite;
import dev.modelfleet.crds.v1alpha1.eval.QualityTaskType;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.operator.runs.FakePodLogs;
import dev.modelfleet.operator.runs.PodLogs;
import dev.modelfleet.operator.runs.RunCluster;
import dev.modelfleet.operator.runs.RunConditionTypes;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.ranker.quality.Evidence;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.serving.jobs.EvalJobRenderer;
import dev.modelfleet.serving.jobs.ReportLog;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EvalRun controller against a real API server, as the chart's RBAC allows it. */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class EvalRunControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String REPO = "meta-llama/Llama-3.1-8B-Instruct";

  private final KubernetesClient admin = AdminClient.create();
  private final RunCluster cluster = new RunCluster(admin);

  private final FakePodLogs logs = new FakePodLogs();

  @BeforeEach
  void fakeLogs() {
    QuarkusMock.installMockForType(logs, PodLogs.class);
  }

  @AfterEach
  void deleteNamespaces() {
    cluster.deleteNamespaces();
    admin.nodes().withName("eval-test-cpu-node").delete();
  }

  @Test
  void latencyRunGoesFromPendingToResultsWithProvenance() {
    // A Node makes the hardware-detection controller reconcile too: both controllers' metrics
    // must register side by side (see OperatorSdkMetricTags).
    admin
        .nodes()
        .resource(
            new io.fabric8.kubernetes.api.model.NodeBuilder()
                .withNewMetadata()
                .withName("eval-test-cpu-node")
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    String ns = cluster.newNamespace("eval-latency");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    EvalRun run = admin.resource(run(ns, "llama-latency", EvalSuite.LATENCY)).create();

    Job job = awaitJob(ns, "llama-latency-eval-g1");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("EvalRun");
              assertThat(o.getUid()).isEqualTo(run.getMetadata().getUid());
              assertThat(o.getController()).isTrue();
            });
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
        .containsSubsequence("--endpoint", RunCluster.endpoint(ns, "chat", "llama-8b"))
        .containsSubsequence("--model", "llama-8b");
    EvalRun pending = awaitPhase(ns, "llama-latency", RunPhase.Pending);
    assertThat(pending.getStatus().getJobName()).isEqualTo("llama-latency-eval-g1");
    assertThat(pending.getStatus().getProvenance().getEngine()).isEqualTo("vllm");

    cluster.jobRunning(ns, job.getMetadata().getName());
    EvalRun running = awaitPhase(ns, "llama-latency", RunPhase.Running);
    assertThat(condition(running, RunConditionTypes.RUNNING).getStatus()).isEqualTo("True");

    RunReport report =
        new RunReport(
            "modelfleet-eval 1",
            REPO,
            null,
            List.of(
                new RunReport.Metric("ttft_p50", 84.5, "ms", 1, null),
                new RunReport.Metric("output_tokens_per_second", 61.2, "tokens/s", 1, null)),
            0);
    cluster.podTerminated(job, EvalJobRenderer.REPORT_CONTAINER, 0, RunReportCodec.encode(report));
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    EvalRun done = awaitPhase(ns, "llama-latency", RunPhase.Succeeded);
    assertThat(done.getStatus().getResults())
        .extracting(
            EvalMetric::getName,
            EvalMetric::getValue,
            EvalMetric::getUnit,
            EvalMetric::getConcurrency)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ttft_p50", 84.5, "ms", 1),
            org.assertj.core.groups.Tuple.tuple("output_tokens_per_second", 61.2, "tokens/s", 1));
    assertThat(done.getStatus().getProvenance().getModel()).isEqualTo(REPO);
    assertThat(done.getStatus().getProvenance().getQuantization()).isEqualTo("AWQ");
    assertThat(done.getStatus().getProvenance().getHardware()).isEqualTo("nvidia-l4-x8");
    assertThat(done.getStatus().getProvenance().getRunnerVersion()).isEqualTo("modelfleet-eval 1");
    assertThat(done.getStatus().getCompletionTime()).isNotNull();
    assertThat(done.getStatus().getObservedGeneration())
        .isEqualTo(done.getMetadata().getGeneration());
    assertThat(condition(done, ConditionTypes.READY).getStatus()).isEqualTo("True");
    assertThat(condition(done, RunConditionTypes.RUNNING).getStatus()).isEqualTo("False");
    awaitEvent(ns, "llama-latency", "Succeeded");
    // Latency figures are not quality evidence.
    assertThat(EvalObservations.forPool(admin, ns, "chat")).isEmpty();
  }

  @Test
  void qualityResultsBecomeDirectRankingEvidence() {
    String ns = cluster.newNamespace("eval-quality");
    double scoreBefore = score(cluster.servedPool(ns, "chat", "llama-8b", REPO, true));
    EvalRun spec = run(ns, "llama-capitals", EvalSuite.QUALITY);
    QualitySuite quality = new QualitySuite();
    QualityDataset dataset = new QualityDataset();
    dataset.setBuiltin("capitals");
    quality.setDataset(dataset);
    quality.setTaskType(QualityTaskType.EXACT_MATCH);
    spec.getSpec().setQuality(quality);
    admin.resource(spec).create();

    Job job = awaitJob(ns, "llama-capitals-eval-g1");
    RunReport report =
        new RunReport(
            "modelfleet-eval 1",
            REPO,
            "sha256:" + "ab".repeat(32),
            List.of(
                new RunReport.Metric("accuracy", 95.0, "percent", null, "capitals"),
                new RunReport.Metric("samples", 20, "count", null, "capitals")),
            0);
    cluster.podTerminated(job, EvalJobRenderer.REPORT_CONTAINER, 0, RunReportCodec.encode(report));
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    EvalRun done = awaitPhase(ns, "llama-capitals", RunPhase.Succeeded);
    assertThat(done.getStatus().getProvenance().getDatasetHash())
        .isEqualTo("sha256:" + "ab".repeat(32));
    List<Observation> evidence = EvalObservations.forPool(admin, ns, "chat");
    assertThat(evidence)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.modelId()).isEqualTo(REPO);
              assertThat(o.benchmark()).isEqualTo("capitals");
              assertThat(o.score()).isEqualTo(95.0);
              assertThat(o.quant()).isEqualTo("AWQ");
              assertThat(o.evidence()).isEqualTo(Evidence.DIRECT);
              assertThat(o.source()).isEqualTo("EvalRun " + ns + "/llama-capitals");
              assertThat(o.observedAt()).isNotNull();
            });
    assertThat(EvalObservations.forPool(admin, ns, "other-pool")).isEmpty();
    // The pool controller takes the result as evidence at once: the model's score rises.
    await()
        .atMost(WAIT)
        .until(
            () -> score(admin.resources(ModelPool.class).inNamespace(ns).withName("chat").get()),
            after -> after > scoreBefore);
  }

  private static double score(ModelPool pool) {
    return pool.getStatus().getModels().stream()
        .filter(m -> m.getName().equals("llama-8b"))
        .findFirst()
        .map(m -> m.getScore())
        .orElseThrow();
  }

  @Test
  void aReportCutFromTheTerminationMessageIsKeptWholeInAConfigMap() throws Exception {
    String ns = cluster.newNamespace("eval-large");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    EvalRun run = admin.resource(run(ns, "big", EvalSuite.LATENCY)).create();
    Job job = awaitJob(ns, "big-eval-g1");
    RunReport whole = manySteps();
    RunReport cut = RunReportCodec.decode(RunReportCodec.encode(whole));
    assertThat(cut.dropped()).isPositive();

    String pod =
        cluster.podTerminated(
            job, EvalJobRenderer.REPORT_CONTAINER, 0, RunReportCodec.encode(whole));
    logs.put(
        ns,
        pod,
        EvalJobRenderer.REPORT_CONTAINER,
        "{\"pretty\": \"copy\"}\n" + ReportLog.block(whole) + "\n");
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    EvalRun done = awaitPhase(ns, "big", RunPhase.Succeeded);
    assertThat(done.getStatus().getResultsConfigMap()).isEqualTo("big-results");
    assertThat(done.getStatus().getResults()).hasSize(cut.metrics().size());
    assertThat(done.getStatus().condition(ConditionTypes.WARNING)).isEmpty();
    assertThat(condition(done, ConditionTypes.READY).getMessage())
        .contains(
            "Status holds the first "
                + cut.metrics().size()
                + " figures; the whole report is in ConfigMap big-results, key results.json.");

    ConfigMap results = admin.configMaps().inNamespace(ns).withName("big-results").get();
    assertThat(results.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("EvalRun");
              assertThat(o.getUid()).isEqualTo(run.getMetadata().getUid());
            });
    assertThat(results.getMetadata().getLabels())
        .containsAllEntriesOf(job.getMetadata().getLabels());
    JsonNode json = new ObjectMapper().readTree(results.getData().get("results.json"));
    assertThat(json.path("runnerVersion").asText()).isEqualTo("modelfleet-eval 1");
    assertThat(json.path("results")).hasSize(whole.metrics().size());
    JsonNode last = json.path("results").get(whole.metrics().size() - 1);
    RunReport.Metric expected = whole.metrics().get(whole.metrics().size() - 1);
    assertThat(last.path("name").asText()).isEqualTo(expected.name());
    assertThat(last.path("value").asDouble()).isEqualTo(expected.value());
    assertThat(last.path("concurrency").asInt()).isEqualTo(expected.concurrency());
    // Read when the run finished (a pass racing the status write may read it again), and not
    // after: a settled run never reads its Pods' logs.
    int reads = logs.reads(ns, pod, EvalJobRenderer.REPORT_CONTAINER);
    assertThat(reads).isBetween(1, 2);
    Thread.sleep(2000);
    assertThat(logs.reads(ns, pod, EvalJobRenderer.REPORT_CONTAINER)).isEqualTo(reads);
  }

  @Test
  void aCutReportWhoseLogIsGoneKeepsTheWarningAndSaysWhy() {
    String ns = cluster.newNamespace("eval-nolog");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    admin.resource(run(ns, "lost", EvalSuite.LATENCY)).create();
    Job job = awaitJob(ns, "lost-eval-g1");

    cluster.podTerminated(
        job, EvalJobRenderer.REPORT_CONTAINER, 0, RunReportCodec.encode(manySteps()));
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    EvalRun done = awaitPhase(ns, "lost", RunPhase.Succeeded);
    Condition warning = condition(done, ConditionTypes.WARNING);
    assertThat(warning.getReason()).isEqualTo("ResultsTruncated");
    assertThat(warning.getMessage())
        .contains("did not fit in the 4 KiB termination message")
        .contains("They could not be kept whole: the log could not be read back (Pod ")
        .contains("not found");
    assertThat(done.getStatus().getResultsConfigMap()).isNull();
    assertThat(admin.configMaps().inNamespace(ns).withName("lost-results").get()).isNull();
    awaitEvent(ns, "lost", "ResultsTruncated");
  }

  @Test
  void theResultsConfigMapIsWrittenOncePerContentAndNeverOverAnotherOwnersOne() {
    String ns = cluster.newNamespace("eval-cm");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, false);
    EvalRun run = admin.resource(run(ns, "again", EvalSuite.LATENCY)).create();
    EvalRun other = admin.resource(run(ns, "other", EvalSuite.LATENCY)).create();
    Map<String, String> labels = Map.of("modelfleet.dev/eval-run", "again");

    ResultsConfigMap.write(admin, run, labels, manySteps());
    String version =
        admin
            .configMaps()
            .inNamespace(ns)
            .withName("again-results")
            .get()
            .getMetadata()
            .getResourceVersion();
    ResultsConfigMap.write(admin, run, labels, manySteps());
    assertThat(
            admin
                .configMaps()
                .inNamespace(ns)
                .withName("again-results")
                .get()
                .getMetadata()
                .getResourceVersion())
        .as("the same content is left alone")
        .isEqualTo(version);

    RunReport later =
        new RunReport(
            "modelfleet-eval 1",
            REPO,
            null,
            List.of(new RunReport.Metric("ttft_p50", 70, "ms", 1, null)),
            0);
    ResultsConfigMap.write(admin, run, labels, later);
    assertThat(
            admin
                .configMaps()
                .inNamespace(ns)
                .withName("again-results")
                .get()
                .getData()
                .get(ResultsConfigMap.KEY))
        .as("an earlier generation's report is replaced")
        .isEqualTo(ResultsConfigMap.json(admin, later));

    admin
        .configMaps()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("other-results")
                .withNamespace(ns)
                .endMetadata()
                .addToData("mine", "yes")
                .build())
        .create();
    assertThatThrownBy(() -> ResultsConfigMap.write(admin, other, labels, later))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other-results exists and is not this run's");
    assertThat(admin.configMaps().inNamespace(ns).withName("other-results").get().getData())
        .containsExactly(Map.entry("mine", "yes"));
  }

  /** A latency report with more load steps than a termination message holds. */
  private static RunReport manySteps() {
    List<RunReport.Metric> metrics = new java.util.ArrayList<>();
    for (int c = 1; c <= 64; c++) {
      metrics.add(new RunReport.Metric("ttft_p50", 80 + c * 1.5, "ms", c, null));
      metrics.add(new RunReport.Metric("ttft_p95", 120 + c * 2.25, "ms", c, null));
      metrics.add(new RunReport.Metric("itl_p50", 20 + c * 0.125, "ms", c, null));
      metrics.add(new RunReport.Metric("output_tokens_per_second", 60.5 * c, "tokens/s", c, null));
    }
    return new RunReport("modelfleet-eval 1", REPO, null, metrics, 0);
  }

  @Test
  void aTimedOutJobFailsTheRunWithAClearCondition() {
    String ns = cluster.newNamespace("eval-timeout");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    admin.resource(run(ns, "slow", EvalSuite.LATENCY)).create();
    Job job = awaitJob(ns, "slow-eval-g1");

    cluster.jobFinished(
        ns,
        job.getMetadata().getName(),
        false,
        "DeadlineExceeded",
        "Job was active longer than specified deadline");

    EvalRun failed = awaitPhase(ns, "slow", RunPhase.Failed);
    Condition condition = condition(failed, RunConditionTypes.FAILED);
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("JobTimedOut");
    assertThat(condition.getMessage()).contains("spec.timeoutSeconds");
    assertThat(condition(failed, ConditionTypes.READY).getStatus()).isEqualTo("False");
    awaitEvent(ns, "slow", "JobTimedOut");
  }

  @Test
  void aFailedRunnerQuotesItsError() {
    String ns = cluster.newNamespace("eval-failed");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    admin.resource(run(ns, "down", EvalSuite.LATENCY)).create();
    Job job = awaitJob(ns, "down-eval-g1");

    cluster.podTerminated(
        job,
        EvalJobRenderer.REPORT_CONTAINER,
        1,
        "error: every request failed; the first error: ConnectException");
    cluster.jobFinished(
        ns,
        job.getMetadata().getName(),
        false,
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit");

    Condition condition =
        condition(awaitPhase(ns, "down", RunPhase.Failed), RunConditionTypes.FAILED);
    assertThat(condition.getReason()).isEqualTo("JobFailed");
    assertThat(condition.getMessage())
        .contains("backoff limit")
        .contains("The runner said: error: every request failed");
  }

  @Test
  void malformedRunnerOutputFailsWithTheRawTextKept() {
    String ns = cluster.newNamespace("eval-malformed");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    admin.resource(run(ns, "garbled", EvalSuite.LATENCY)).create();
    Job job = awaitJob(ns, "garbled-eval-g1");

    String garbage = "Traceback (most recent call last):\n" + "x".repeat(2000);
    cluster.podTerminated(job, EvalJobRenderer.REPORT_CONTAINER, 0, garbage);
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    EvalRun failed = awaitPhase(ns, "garbled", RunPhase.Failed);
    Condition condition = condition(failed, RunConditionTypes.FAILED);
    assertThat(condition.getReason()).isEqualTo("ResultsUnreadable");
    assertThat(condition.getMessage())
        .contains("not JSON")
        .contains("raw output: Traceback (most recent call last):")
        .contains("(2035 chars)");
    assertThat(condition.getMessage().length()).isLessThan(1000);
    assertThat(failed.getStatus().getResults()).isEmpty();
  }

  @Test
  void aRunWaitsForItsTargetAndAnInvalidSpecSaysWhy() {
    String ns = cluster.newNamespace("eval-waiting");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, false);
    admin.resource(run(ns, "early", EvalSuite.LATENCY)).create();
    EvalRun bad = run(ns, "bad", EvalSuite.QUALITY); // quality without spec.quality
    admin.resource(bad).create();

    EvalRun waiting = awaitReason(ns, "early", ConditionTypes.READY, "TargetNotReady");
    assertThat(waiting.getStatus().getPhase()).isEqualTo(RunPhase.Pending);
    assertThat(condition(waiting, ConditionTypes.READY).getMessage())
        .contains("has no endpoint in status yet");
    EvalRun invalid = awaitReason(ns, "bad", ConditionTypes.SPEC_VALID, "InvalidSpec");
    assertThat(condition(invalid, ConditionTypes.SPEC_VALID).getStatus()).isEqualTo("False");
    assertThat(condition(invalid, ConditionTypes.SPEC_VALID).getMessage()).contains("spec.quality");
    assertThat(admin.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void aSpecChangeRunsANewJobAndKeepsTheOldOne() {
    String ns = cluster.newNamespace("eval-rerun");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    admin.resource(run(ns, "again", EvalSuite.LATENCY)).create();
    Job first = awaitJob(ns, "again-eval-g1");
    cluster.podTerminated(
        first,
        EvalJobRenderer.REPORT_CONTAINER,
        0,
        RunReportCodec.encode(
            new RunReport(
                "modelfleet-eval 1",
                REPO,
                null,
                List.of(new RunReport.Metric("ttft_p50", 80, "ms", 1, null)),
                0)));
    cluster.jobFinished(ns, first.getMetadata().getName(), true, null, null);
    awaitPhase(ns, "again", RunPhase.Succeeded);

    admin
        .resources(EvalRun.class)
        .inNamespace(ns)
        .withName("again")
        .edit(
            r -> {
              r.getSpec().setTimeoutSeconds(600);
              return r;
            });

    Job second = awaitJob(ns, "again-eval-g2");
    assertThat(second.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
    EvalRun rerun = awaitPhase(ns, "again", RunPhase.Pending);
    assertThat(rerun.getStatus().getResults()).isEmpty();
    assertThat(admin.batch().v1().jobs().inNamespace(ns).withName("again-eval-g1").get())
        .isNotNull();
  }

  private static EvalRun run(String ns, String name, EvalSuite suite) {
    EvalRun run = new EvalRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(suite);
    run.setSpec(spec);
    return run;
  }

  private Job awaitJob(String ns, String name) {
    await()
        .atMost(WAIT)
        .until(() -> admin.batch().v1().jobs().inNamespace(ns).withName(name).get() != null);
    return admin.batch().v1().jobs().inNamespace(ns).withName(name).get();
  }

  private EvalRun awaitPhase(String ns, String name, RunPhase phase) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              EvalRun r = admin.resources(EvalRun.class).inNamespace(ns).withName(name).get();
              return r.getStatus() != null
                  && r.getStatus().getPhase() == phase
                  && r.getMetadata().getGeneration().equals(r.getStatus().getObservedGeneration());
            });
    return admin.resources(EvalRun.class).inNamespace(ns).withName(name).get();
  }

  private EvalRun awaitReason(String ns, String name, String type, String reason) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              EvalRun r = admin.resources(EvalRun.class).inNamespace(ns).withName(name).get();
              return r.getStatus() != null && reason.equals(condition(r, type).getReason());
            });
    return admin.resources(EvalRun.class).inNamespace(ns).withName(name).get();
  }

  private void awaitEvent(String ns, String name, String reason) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.v1().events().inNamespace(ns).list().getItems().stream()
                    .anyMatch(
                        e ->
                            name.equals(e.getInvolvedObject().getName())
                                && reason.equals(e.getReason())));
  }

  private static Condition condition(EvalRun run, String type) {
    return run.getStatus()
        .condition(type)
        .orElseThrow(() -> new AssertionError("no condition " + type));
  }
}
