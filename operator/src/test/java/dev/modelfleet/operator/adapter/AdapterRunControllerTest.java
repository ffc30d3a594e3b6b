package dev.modelfleet.operator.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRegistration;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.adapter.BaseModel;
import dev.modelfleet.crds.v1alpha1.adapter.EvaluateAfter;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingDataset;
import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.common.PoolModelRef;
import dev.modelfleet.crds.v1alpha1.common.RunPhase;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.QualityDataset;
import dev.modelfleet.crds.v1alpha1.eval.QualitySuite;
import dev.modelfleet.crds.v1alpha1.eval.QualityTaskType;
import dev.modelfleet.crds.v1alpha1.pool.AdapterSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ServedAdapter;
import dev.modelfleet.operator.runs.RunCluster;
import dev.modelfleet.operator.runs.RunConditionTypes;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.serving.jobs.AdapterJobRenderer;
import dev.modelfleet.serving.jobs.RunReport;
import dev.modelfleet.serving.jobs.RunReportCodec;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AdapterRun controller against a real API server, as the chart's RBAC allows it. */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class AdapterRunControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String REPO = "meta-llama/Llama-3.1-8B-Instruct";

  private final KubernetesClient admin = AdminClient.create();
  private final RunCluster cluster = new RunCluster(admin);

  @AfterEach
  void deleteNamespaces() {
    cluster.deleteNamespaces();
  }

  @Test
  void trainedAdapterIsRecordedRegisteredWithItsPoolAndEvaluated() {
    String ns = cluster.newNamespace("adapter-ok");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, true);
    AdapterRun created = admin.resource(run(ns, "support-tone", true)).create();

    Job job = awaitJob(ns, "support-tone-train-g1");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(created.getMetadata().getUid());
    var trainer = job.getSpec().getTemplate().getSpec().getInitContainers().get(0);
    assertThat(trainer.getCommand()).containsSubsequence("--model_name_or_path", REPO);
    assertThat(trainer.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(
            awaitPhase(ns, "support-tone", RunPhase.Pending)
                .getStatus()
                .getProvenance()
                .getBaseModel())
        .isEqualTo(REPO);

    cluster.jobRunning(ns, job.getMetadata().getName());
    awaitPhase(ns, "support-tone", RunPhase.Running);
    RunReport report =
        new RunReport(
            "modelfleet-eval 1",
            null,
            null,
            List.of(
                new RunReport.Metric("initial_train_loss", 2.4, "loss", null, null),
                new RunReport.Metric("final_train_loss", 1.1, "loss", null, null),
                new RunReport.Metric("steps", 120, "count", null, null),
                new RunReport.Metric("epochs", 2, "count", null, null),
                new RunReport.Metric("adapter_size_bytes", 67_108_864, "bytes", null, null)),
            0);
    cluster.podTerminated(
        job, AdapterJobRenderer.REPORT_CONTAINER, 0, RunReportCodec.encode(report));
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    await().atMost(WAIT).until(() -> get(ns, "support-tone").getStatus().getEvalRunName() != null);
    AdapterRun done = get(ns, "support-tone");
    assertThat(done.getStatus().getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getLoss().getInitialTrainLoss()).isEqualTo(2.4);
    assertThat(done.getStatus().getLoss().getFinalTrainLoss()).isEqualTo(1.1);
    assertThat(done.getStatus().getLoss().getSteps()).isEqualTo(120);
    assertThat(done.getStatus().getArtifact().getClaimName()).isEqualTo("adapters");
    assertThat(done.getStatus().getArtifact().getPath()).isEqualTo("support-tone");
    assertThat(done.getStatus().getArtifact().getSizeBytes()).isEqualTo(67_108_864L);
    assertThat(done.getStatus().getRegisteredAs()).isEqualTo("chat/llama-8b/support-tone");
    assertThat(done.getStatus().condition(ConditionTypes.READY).orElseThrow().getStatus())
        .isEqualTo("True");

    ModelPool pool = admin.resources(ModelPool.class).inNamespace(ns).withName("chat").get();
    assertThat(pool.getSpec().getModels().get(0).getAdapters())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getName()).isEqualTo("support-tone");
              assertThat(a.getSource().getVolume().getClaimName()).isEqualTo("adapters");
              assertThat(a.getSource().getVolume().getPath()).isEqualTo("support-tone");
              assertThat(a.getRank()).isEqualTo(16);
            });
    awaitEvent(ns, "chat", "AdapterRegistered");

    EvalRun eval =
        admin.resources(EvalRun.class).inNamespace(ns).withName("support-tone-eval").get();
    assertThat(eval.getSpec().getTarget().getPoolModel().getAdapter()).isEqualTo("support-tone");
    assertThat(eval.getSpec().getQuality().getTaskType()).isEqualTo(QualityTaskType.EXACT_MATCH);
    assertThat(eval.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("AdapterRun");

    // Registered once: the pool's spec is not patched again on later passes. (Its status may
    // still change as the pool controller renders the adapter, so the generation is compared, not
    // the resource version.)
    Long generation = pool.getMetadata().getGeneration();
    assertThat(generation).isNotNull();
    admin
        .resources(AdapterRun.class)
        .inNamespace(ns)
        .withName("support-tone")
        .edit(
            r -> {
              r.getMetadata().setLabels(java.util.Map.of("touched", "yes"));
              return r;
            });
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
    assertThat(
            admin
                .resources(ModelPool.class)
                .inNamespace(ns)
                .withName("chat")
                .get()
                .getMetadata()
                .getGeneration())
        .isEqualTo(generation);
  }

  @Test
  void anAdapterNameTakenByAnotherSourceIsLeftAloneAndReported() {
    String ns = cluster.newNamespace("adapter-conflict");
    ModelPool pool = cluster.servedPool(ns, "chat", "llama-8b", REPO, false);
    admin
        .resources(ModelPool.class)
        .inNamespace(ns)
        .withName("chat")
        .edit(
            p -> {
              ServedAdapter taken = new ServedAdapter();
              taken.setName("support-tone");
              AdapterSource hub = new AdapterSource();
              hub.setHuggingFace("someone/support-tone-lora");
              taken.setSource(hub);
              p.getSpec().getModels().get(0).setAdapters(new java.util.ArrayList<>(List.of(taken)));
              return p;
            });
    admin.resource(run(ns, "support-tone", false)).create();
    Job job = awaitJob(ns, "support-tone-train-g1");
    cluster.podTerminated(
        job,
        AdapterJobRenderer.REPORT_CONTAINER,
        0,
        RunReportCodec.encode(
            new RunReport(
                "modelfleet-eval 1",
                null,
                null,
                List.of(new RunReport.Metric("adapter_size_bytes", 10, "bytes", null, null)),
                0)));
    cluster.jobFinished(ns, job.getMetadata().getName(), true, null, null);

    await()
        .atMost(WAIT)
        .until(
            () ->
                get(ns, "support-tone")
                    .getStatus()
                    .condition(ConditionTypes.WARNING)
                    .map(c -> "RegistrationConflict".equals(c.getReason()))
                    .orElse(false));
    AdapterRun done = get(ns, "support-tone");
    assertThat(done.getStatus().getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getRegisteredAs()).isNull();
    assertThat(
            admin
                .resources(ModelPool.class)
                .inNamespace(ns)
                .withName("chat")
                .get()
                .getSpec()
                .getModels()
                .get(0)
                .getAdapters())
        .singleElement()
        .satisfies(
            a -> assertThat(a.getSource().getHuggingFace()).isEqualTo("someone/support-tone-lora"));
    assertThat(pool).isNotNull();
  }

  @Test
  void aFailedTrainingJobFailsTheRunAndAnOllamaBaseIsRefused() {
    String ns = cluster.newNamespace("adapter-failed");
    cluster.servedPool(ns, "chat", "llama-8b", REPO, false);
    admin.resource(run(ns, "oom", false)).create();
    Job job = awaitJob(ns, "oom-train-g1");
    cluster.jobFinished(
        ns,
        job.getMetadata().getName(),
        false,
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit");

    AdapterRun failed = awaitPhase(ns, "oom", RunPhase.Failed);
    Condition condition = failed.getStatus().condition(RunConditionTypes.FAILED).orElseThrow();
    assertThat(condition.getReason()).isEqualTo("JobFailed");
    assertThat(condition.getMessage()).contains("oom-train-g1 failed");

    ModelPool ollama = new ModelPool();
    ollama.setMetadata(new ObjectMetaBuilder().withName("small").withNamespace(ns).build());
    var spec = new dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec();
    var model = new dev.modelfleet.crds.v1alpha1.pool.PoolModel();
    model.setName("llama-1b");
    var source = new dev.modelfleet.crds.v1alpha1.pool.ModelSource();
    source.setOllama("llama3.2:1b");
    model.setSource(source);
    spec.setModels(new java.util.ArrayList<>(List.of(model)));
    ollama.setSpec(spec);
    admin.resource(ollama).create();
    AdapterRun onOllama = run(ns, "on-ollama", false);
    onOllama.getSpec().getBaseModel().getPoolModel().setPool("small");
    onOllama.getSpec().getBaseModel().getPoolModel().setModel("llama-1b");
    onOllama.getSpec().setRegisterInto(null);
    admin.resource(onOllama).create();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var s = get(ns, "on-ollama").getStatus();
              return s != null
                  && s.condition(ConditionTypes.READY)
                      .map(c -> "BaseModelNotTrainable".equals(c.getReason()))
                      .orElse(false);
            });
    assertThat(admin.batch().v1().jobs().inNamespace(ns).withName("on-ollama-train-g1").get())
        .isNull();
  }

  private static AdapterRun run(String ns, String name, boolean evaluate) {
    AdapterRun run = new AdapterRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    AdapterRunSpec spec = new AdapterRunSpec();
    BaseModel base = new BaseModel();
    PoolModelRef ref = new PoolModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    base.setPoolModel(ref);
    spec.setBaseModel(base);
    TrainingDataset dataset = new TrainingDataset();
    VolumePath data = new VolumePath();
    data.setClaimName("training-data");
    data.setPath("support/train.jsonl");
    dataset.setVolume(data);
    spec.setDataset(dataset);
    VolumePath out = new VolumePath();
    out.setClaimName("adapters");
    out.setPath("support-tone");
    spec.setOutput(out);
    AdapterRegistration register = new AdapterRegistration();
    register.setPool("chat");
    register.setAdapterName("support-tone");
    spec.setRegisterInto(register);
    if (evaluate) {
      EvaluateAfter after = new EvaluateAfter();
      QualitySuite quality = new QualitySuite();
      QualityDataset eval = new QualityDataset();
      eval.setBuiltin("capitals");
      quality.setDataset(eval);
      quality.setTaskType(QualityTaskType.EXACT_MATCH);
      after.setQuality(quality);
      spec.setEvaluateAfter(after);
    }
    run.setSpec(spec);
    return run;
  }

  private AdapterRun get(String ns, String name) {
    return admin.resources(AdapterRun.class).inNamespace(ns).withName(name).get();
  }

  private Job awaitJob(String ns, String name) {
    await()
        .atMost(WAIT)
        .until(() -> admin.batch().v1().jobs().inNamespace(ns).withName(name).get() != null);
    return admin.batch().v1().jobs().inNamespace(ns).withName(name).get();
  }

  private AdapterRun awaitPhase(String ns, String name, RunPhase phase) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              AdapterRun r = get(ns, name);
              return r.getStatus() != null && r.getStatus().getPhase() == phase;
            });
    return get(ns, name);
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
}
