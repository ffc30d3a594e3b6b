package dev.modelfleet.serving.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.JobResources;
import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.LatencyProfile;
import dev.modelfleet.crds.v1alpha1.eval.LmEvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.QualityDataset;
import dev.modelfleet.crds.v1alpha1.eval.QualitySuite;
import dev.modelfleet.crds.v1alpha1.eval.QualityTaskType;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalJobRendererTest {
  private static final String RUNNER = "ghcr.io/modelfleet/modelfleet-operator:0.1.0";
  private static final EvalEndpoint ENDPOINT =
      new EvalEndpoint(
          "http://chat-llama-8b.team.svc:8000/", "meta-llama/Llama-3.1-8B-Instruct", null, null);

  @Test
  void latencyJobRunsTheBuiltInRunnerWithTheProfile() {
    EvalRun run = RunFixtures.evalRun(EvalSuite.LATENCY);
    LatencyProfile profile = new LatencyProfile();
    profile.setConcurrency(List.of(1, 4, 16, 32));
    profile.setRequestsPerStep(64);
    run.getSpec().setLatency(profile);
    run.getSpec().setTimeoutSeconds(1800);

    Job job =
        EvalJobRenderer.render(run, ENDPOINT, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    assertThat(job.getMetadata().getName()).isEqualTo("llama-check-eval-g3");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("team");
    assertThat(job.getMetadata().getLabels())
        .containsEntry(RunLabels.EVAL_RUN, "llama-check")
        .containsEntry(RunLabels.GENERATION, "3")
        .containsEntry("app.kubernetes.io/managed-by", "modelfleet-operator");
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(EvalJobRenderer.BACKOFF_LIMIT);
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86_400);
    assertThat(job.getSpec().getParallelism()).isEqualTo(1);
    assertThat(job.getSpec().getCompletionMode()).isNull();
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(RunLabels.EVAL_RUN, "llama-check");
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getInitContainers()).isEmpty();
    Container runner = pod.getContainers().get(0);
    assertThat(runner.getName()).isEqualTo(EvalJobRenderer.REPORT_CONTAINER);
    assertThat(runner.getImage()).isEqualTo(RUNNER);
    assertThat(runner.getCommand())
        .containsSubsequence("-jar", "/deployments/quarkus-run.jar", "eval", "latency")
        .containsSubsequence("--endpoint", "http://chat-llama-8b.team.svc:8000")
        .containsSubsequence("--model", "meta-llama/Llama-3.1-8B-Instruct")
        .containsSubsequence("--concurrency", "1,4,16,32")
        .containsSubsequence("--prompt-tokens", "512")
        .containsSubsequence("--output-tokens", "128")
        .containsSubsequence("--requests-per-step", "64");
    assertThat(runner.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(runner.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(runner.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(runner.getTerminationMessagePolicy()).isEqualTo("File");
    assertThat(runner.getResources().getRequests())
        .containsEntry("cpu", new Quantity("500m"))
        .doesNotContainKey("nvidia.com/gpu");
    assertThat(runner.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
  }

  @Test
  void qualityJobMountsTheConfigMapDatasetAndShardsAcrossPods() {
    EvalRun run = RunFixtures.evalRun(EvalSuite.QUALITY);
    QualitySuite quality = new QualitySuite();
    QualityDataset dataset = new QualityDataset();
    dataset.setConfigMap(RunFixtures.configMap("support-eval", "eval.jsonl"));
    quality.setDataset(dataset);
    quality.setTaskType(QualityTaskType.MULTIPLE_CHOICE);
    quality.setLimit(200);
    run.getSpec().setQuality(quality);
    run.getSpec().setParallelism(4);
    JobResources resources = new JobResources();
    resources.setCpu(new Quantity("2"));
    resources.setMemory(new Quantity("2Gi"));
    run.getSpec().setResources(resources);
    SecretKeyRef key = new SecretKeyRef();
    key.setName("gateway-key");
    key.setKey("key");
    EvalEndpoint viaGateway =
        new EvalEndpoint("http://modelfleet-gateway.modelfleet-system.svc:8080", "chat", null, key);

    Job job =
        EvalJobRenderer.render(run, viaGateway, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    assertThat(job.getSpec().getParallelism()).isEqualTo(4);
    assertThat(job.getSpec().getCompletions()).isEqualTo(4);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    var pod = job.getSpec().getTemplate().getSpec();
    Container runner = pod.getContainers().get(0);
    assertThat(runner.getCommand())
        .containsSubsequence("eval", "quality")
        .containsSubsequence("--task-type", "multiple-choice")
        .containsSubsequence("--dataset-file", "/dataset/samples.jsonl")
        .containsSubsequence("--limit", "200")
        .containsSubsequence("--max-output-tokens", "256");
    assertThat(runner.getEnv())
        .anyMatch(
            e -> e.getName().equals(RunnerContract.SHARD_COUNT_ENV) && e.getValue().equals("4"))
        .anyMatch(
            e ->
                e.getName().equals(RunnerContract.API_KEY_ENV)
                    && e.getValueFrom().getSecretKeyRef().getName().equals("gateway-key"));
    assertThat(runner.getResources().getRequests()).containsEntry("cpu", new Quantity("2"));
    assertThat(runner.getResources().getLimits()).containsEntry("memory", new Quantity("2Gi"));
    assertThat(pod.getVolumes())
        .anyMatch(
            v ->
                v.getConfigMap() != null
                    && v.getConfigMap().getName().equals("support-eval")
                    && v.getConfigMap().getItems().get(0).getKey().equals("eval.jsonl")
                    && v.getConfigMap().getItems().get(0).getPath().equals("samples.jsonl"));
    assertThat(runner.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/dataset") && m.getReadOnly());
  }

  @Test
  void qualityJobWithABuiltinDatasetNeedsNoVolume() {
    EvalRun run = RunFixtures.evalRun(EvalSuite.QUALITY);
    QualitySuite quality = new QualitySuite();
    QualityDataset dataset = new QualityDataset();
    dataset.setBuiltin("arithmetic");
    quality.setDataset(dataset);
    quality.setTaskType(QualityTaskType.EXACT_MATCH);
    run.getSpec().setQuality(quality);

    Job job =
        EvalJobRenderer.render(run, ENDPOINT, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers().get(0).getCommand())
        .containsSubsequence("--builtin-dataset", "arithmetic")
        .doesNotContain("--dataset-file");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("scratch");
    assertThat(job.getSpec().getCompletionMode()).isNull();
  }

  @Test
  void lmEvalRunsTheHarnessThenTheReportStep() {
    EvalRun run = RunFixtures.evalRun(EvalSuite.LM_EVAL);
    LmEvalSuite suite = new LmEvalSuite();
    suite.setTasks(List.of("gsm8k", "mmlu"));
    suite.setNumFewshot(5);
    suite.setLimit(100);
    run.getSpec().setLmEval(suite);
    run.getSpec().setImage("ghcr.io/example/lm-eval:0.4.9");
    run.getSpec().setParallelism(8);
    EvalEndpoint endpoint =
        new EvalEndpoint(
            "http://chat-llama-8b.team.svc:8000",
            "meta-llama/Llama-3.1-8B-Instruct",
            "meta-llama/Llama-3.1-8B-Instruct",
            null);

    Job job =
        EvalJobRenderer.render(run, endpoint, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    assertThat(job.getSpec().getParallelism()).isEqualTo(1);
    var pod = job.getSpec().getTemplate().getSpec();
    Container harness = pod.getInitContainers().get(0);
    assertThat(harness.getImage()).isEqualTo("ghcr.io/example/lm-eval:0.4.9");
    assertThat(harness.getCommand())
        .containsExactly(
            "lm_eval",
            "--model",
            "local-completions",
            "--model_args",
            "model=meta-llama/Llama-3.1-8B-Instruct,"
                + "base_url=http://chat-llama-8b.team.svc:8000/v1/completions,num_concurrent=8,"
                + "max_retries=3,tokenized_requests=False,tokenizer=meta-llama/Llama-3.1-8B-Instruct",
            "--tasks",
            "gsm8k,mmlu",
            "--output_path",
            "/results",
            "--num_fewshot",
            "5",
            "--limit",
            "100");
    Container report = pod.getContainers().get(0);
    assertThat(report.getImage()).isEqualTo(RUNNER);
    assertThat(report.getCommand())
        .containsSubsequence("eval", "lm-eval-report", "--dir", "/results");
    assertThat(report.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/results") && m.getReadOnly());
    assertThat(harness.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/results") && !m.getReadOnly());
  }

  @Test
  void lmEvalWithoutATokenizerSaysSo() {
    List<String> command =
        EvalJobRenderer.lmEvalCommand(
            tasks("gsm8k"), new EvalEndpoint("http://o:11434", "llama3.1:8b", null, null), 1);
    assertThat(command.get(4)).endsWith(",tokenizer_backend=None");
  }

  @Test
  void gpuRequestsGoToTheProfilesNodes() {
    EvalRun run = RunFixtures.evalRun(EvalSuite.LATENCY);
    JobResources resources = new JobResources();
    resources.setGpus(1);
    run.getSpec().setResources(resources);
    GpuPlacement placement =
        new GpuPlacement(
            "amd.com/gpu", Map.of("amd.com/gpu.product-name", "AMD_Instinct_MI300X_OAM"));

    Job job = EvalJobRenderer.render(run, ENDPOINT, RUNNER, placement);

    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).isEqualTo(placement.nodeSelector());
    assertThat(pod.getContainers().get(0).getResources().getLimits())
        .containsEntry("amd.com/gpu", new Quantity("1"));
  }

  private static LmEvalSuite tasks(String... names) {
    LmEvalSuite suite = new LmEvalSuite();
    suite.setTasks(List.of(names));
    return suite;
  }
}
