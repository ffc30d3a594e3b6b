package dev.modelfleet.operator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.crds.v1alpha1.pool.Eviction;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolUsage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPoolReportTest {
  private static final String H100 = "nvidia-h100-80gb-hbm3-x8";

  @Test
  void printsEachNodesModelsGpusAndMemoryUsedAndFree() {
    ModelPool pool =
        pool(
            model("llama-8b", "vllm", ModelPhase.Serving, 1, 41.0, 16.5, "h100-a", "h100-a"),
            model("qwen-7b", "sglang", ModelPhase.Downloading, 2, 30.0, 15.6, "h100-a"),
            model("tiny", "ollama", ModelPhase.Serving, 1, 6.3, 4.6, "h100-b"));

    List<String> lines = lines(pool);

    // Two llama replicas (1 GPU, 41 GiB each) and one qwen replica (2 GPUs, 30 GiB) on h100-a:
    // 4 of 8 GPUs, 112 GiB used, 8 x 80 - 112 = 528 GiB free, 16.5 + 15.6 GiB of cache.
    assertThat(row(lines, "h100-a"))
        .containsSubsequence("h100-a", H100, "4/8", "80", "112", "528", "32.1");
    assertThat(row(lines, "  llama-8b x2"))
        .containsSubsequence("vllm", "Serving", "2", "41 of 80", "82", "16.5");
    assertThat(row(lines, "  qwen-7b"))
        .containsSubsequence("sglang", "Downloading", "2", "15 of 80", "30", "15.6");
    assertThat(row(lines, "h100-b")).containsSubsequence("1/8", "6.3", "633.7", "4.6");
    assertThat(lines.get(0))
        .isEqualTo(
            "ModelPool chat: 3 of 3 model(s) placed, 2 serving; 5 GPU(s), VRAM 118.3 of 1152"
                + " GiB budget, cache disk on the fullest node 32.1 of 400 GiB");
    assertThat(lines).contains("Left out: none, every model is placed.");
    assertThat(lines).noneMatch(l -> l.startsWith("Evictions"));
  }

  @Test
  void listsWhatWasLeftOutAndEvictedWithReasons() {
    ModelStatus evicted = model("qwen-32b", "vllm", ModelPhase.Pending, 1, 29.5, 19.8);
    evicted.setReason("InsufficientDisk");
    evicted.setMessage("needs 19.8 GiB of model-cache disk");
    ModelPool pool =
        pool(model("llama-8b", "vllm", ModelPhase.Serving, 1, 41.0, 16.5, "h100-a"), evicted);
    Eviction eviction = new Eviction();
    eviction.setModel("qwen-32b");
    eviction.setReason("LowestScore");
    eviction.setMessage("over budget: node h100-a");
    pool.getStatus().setEvictions(List.of(eviction));

    List<String> lines = lines(pool);

    assertThat(lines).contains("Left out:", "Evictions (newest first):");
    assertThat(row(lines, "  qwen-32b"))
        .containsSubsequence("Pending", "InsufficientDisk", "needs 19.8 GiB of model-cache disk");
    assertThat(lines.get(lines.size() - 1))
        .containsSubsequence("qwen-32b", "LowestScore", "over budget: node h100-a");
  }

  @Test
  void saysSoWhenThereIsNoStatusYet() {
    ModelPool pool = pool();
    pool.setStatus(null);

    assertThat(lines(pool)).containsExactly("ModelPool chat has no status yet");
  }

  @Test
  void numbersShowATenthOnlyWhenThereIsOne() {
    assertThat(PoolReport.number(80.0)).isEqualTo("80");
    assertThat(PoolReport.number(79.66)).isEqualTo("79.7");
    assertThat(PoolReport.number(null)).isEqualTo("-");
  }

  private static List<String> lines(ModelPool pool) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PoolReport.print(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), pool, List.of(h100Profile()));
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  private static String row(List<String> lines, String start) {
    return lines.stream()
        .filter(l -> l.startsWith(start + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row starting with '" + start + "' in " + lines));
  }

  private static ModelPool pool(ModelStatus... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName("chat");
    ModelPoolStatus status = new ModelPoolStatus();
    status.setModels(new ArrayList<>(List.of(models)));
    PoolUsage usage = new PoolUsage();
    usage.setGpus(5);
    usage.setVramGiB(118.3);
    usage.setVramBudgetGiB(1152.0);
    usage.setDiskGiB(32.1);
    usage.setDiskBudgetGiB(400.0);
    status.setUsage(usage);
    pool.setStatus(status);
    return pool;
  }

  private static ModelStatus model(
      String name,
      String engine,
      ModelPhase phase,
      int gpus,
      double vramGiB,
      double diskGiB,
      String... nodes) {
    ModelStatus m = new ModelStatus();
    m.setName(name);
    m.setEngine(engine);
    m.setPhase(phase);
    m.setHardwareProfile(nodes.length == 0 ? null : H100);
    m.setGpusPerReplica(gpus);
    m.setEstimatedVramGiB(vramGiB);
    m.setCacheDiskGiB(diskGiB);
    m.setNodes(new ArrayList<>(List.of(nodes)));
    return m;
  }

  private static HardwareProfile h100Profile() {
    GpuSpec gpu = new GpuSpec();
    gpu.setProduct("NVIDIA-H100-80GB-HBM3");
    gpu.setCountPerNode(8);
    gpu.setMemoryGiB(80.0);
    HardwareProfileSpec spec = new HardwareProfileSpec();
    spec.setGpu(gpu);
    HardwareProfile profile = new HardwareProfile();
    profile.getMetadata().setName(H100);
    profile.setSpec(spec);
    return profile;
  }
}
