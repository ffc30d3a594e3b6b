package dev.modelfleet.serving.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingDataset;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingMethod;
import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterJobRendererTest {
  private static final String TRAINER = "huggingface/trl:0.24.0";
  private static final String RUNNER = "ghcr.io/modelfleet/modelfleet-operator:0.1.0";
  private static final String BASE = "meta-llama/Llama-3.1-8B-Instruct";

  @Test
  void loraJobTrainsOnOneGpuAndReportsFromTheOutputVolume() {
    AdapterRun run = RunFixtures.adapterRun();
    run.getSpec().getHyperparameters().setTargetModules(List.of("q_proj", "v_proj"));
    SecretKeyRef token = new SecretKeyRef();
    token.setName("hf-token");
    token.setKey("token");
    run.getSpec().setHuggingFaceTokenSecretRef(token);

    Job job =
        AdapterJobRenderer.render(
            run,
            BASE,
            "abc123",
            TRAINER,
            RUNNER,
            new GpuPlacement("nvidia.com/gpu", Map.of("nvidia.com/gpu.product", "NVIDIA-L4")));

    assertThat(job.getMetadata().getName()).isEqualTo("support-tone-train-g1");
    assertThat(job.getMetadata().getLabels()).containsEntry(RunLabels.ADAPTER_RUN, "support-tone");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(86_400L);
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.product", "NVIDIA-L4");
    Container trainer = pod.getInitContainers().get(0);
    assertThat(trainer.getImage()).isEqualTo(TRAINER);
    assertThat(trainer.getCommand())
        .startsWith("trl", "sft")
        .containsSubsequence("--model_name_or_path", BASE)
        .containsSubsequence("--model_revision", "abc123")
        .containsSubsequence("--dataset_name", "/dataset")
        .contains("--use_peft")
        .containsSubsequence("--lora_r", "16")
        .containsSubsequence("--lora_alpha", "32")
        .containsSubsequence("--lora_dropout", "0.05")
        .containsSubsequence("--lora_target_modules", "q_proj", "v_proj", "--num_train_epochs")
        .containsSubsequence("--learning_rate", "2.0E-4")
        .containsSubsequence("--output_dir", "/output/support-tone")
        .doesNotContain("--load_in_4bit");
    assertThat(trainer.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(trainer.getEnv())
        .anyMatch(
            e ->
                e.getName().equals("HF_TOKEN")
                    && e.getValueFrom().getSecretKeyRef().getName().equals("hf-token"));
    assertThat(trainer.getVolumeMounts())
        .anyMatch(
            m ->
                m.getMountPath().equals("/dataset/train.jsonl")
                    && m.getSubPath().equals("support/train.jsonl")
                    && m.getReadOnly())
        .anyMatch(m -> m.getMountPath().equals("/output") && !m.getReadOnly());
    Container report = pod.getContainers().get(0);
    assertThat(report.getImage()).isEqualTo(RUNNER);
    assertThat(report.getCommand())
        .containsSubsequence("eval", "trainer-report", "--dir", "/output/support-tone");
    assertThat(report.getResources().getRequests()).doesNotContainKey("nvidia.com/gpu");
    assertThat(pod.getVolumes())
        .anyMatch(
            v ->
                v.getPersistentVolumeClaim() != null
                    && v.getPersistentVolumeClaim().getClaimName().equals("adapters"));
  }

  @Test
  void qloraLoadsTheBaseIn4BitAndAdaptsAllLinearLayersByDefault() {
    AdapterRun run = RunFixtures.adapterRun();
    run.getSpec().setMethod(TrainingMethod.QLORA);
    TrainingDataset hub = new TrainingDataset();
    hub.setHuggingFaceDataset("trl-lib/Capybara");
    run.getSpec().setDataset(hub);

    Job job =
        AdapterJobRenderer.render(
            run, BASE, null, TRAINER, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    Container trainer = job.getSpec().getTemplate().getSpec().getInitContainers().get(0);
    assertThat(trainer.getCommand())
        .containsSubsequence("--load_in_4bit", "--bnb_4bit_quant_type", "nf4")
        .containsSubsequence("--lora_target_modules", "all-linear")
        .containsSubsequence("--dataset_name", "trl-lib/Capybara")
        .doesNotContain("--model_revision");
    assertThat(job.getSpec().getTemplate().getSpec().getNodeSelector()).isNull();
  }

  @Test
  void configMapDatasetIsMountedAsTheTrainFile() {
    AdapterRun run = RunFixtures.adapterRun();
    TrainingDataset fromConfigMap = new TrainingDataset();
    fromConfigMap.setConfigMap(RunFixtures.configMap("support-train", "data.jsonl"));
    run.getSpec().setDataset(fromConfigMap);

    Job job =
        AdapterJobRenderer.render(
            run, BASE, null, TRAINER, RUNNER, GpuPlacement.anyNodeWith("nvidia.com/gpu"));

    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes())
        .anyMatch(
            v ->
                v.getConfigMap() != null
                    && v.getConfigMap().getItems().get(0).getKey().equals("data.jsonl")
                    && v.getConfigMap().getItems().get(0).getPath().equals("train.jsonl"));
  }
}
