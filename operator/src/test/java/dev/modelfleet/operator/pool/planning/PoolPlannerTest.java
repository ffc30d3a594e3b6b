package dev.modelfleet.operator.pool.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelFactsOverride;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.UnknownModelPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolPlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final PoolPlanner planner = PoolPlanner.bundled();
  private final List<HardwareProfile> fleet = ExampleFleet.profiles();

  @Test
  void placesTheExamplePoolOnTheDemoFleetWithinEveryGpusBudget() {
    ModelPool pool = ExampleFleet.chatPool();
    PoolPlan plan = plan(pool, List.of(), List.of());

    assertThat(outcome(plan, "llama-8b").phase()).isEqualTo(ModelPhase.Placed);
    assertThat(outcome(plan, "llama-8b").nodes()).hasSize(2);
    assertThat(outcome(plan, "llama-8b").engine()).isEqualTo("vllm");
    assertThat(outcome(plan, "qwen-7b").engine()).isEqualTo("sglang");
    assertThat(outcome(plan, "llama-8b-ollama").engine()).isEqualTo("ollama");
    assertThat(plan.serving()).extracting(PoolPlan.Workload::model).contains("llama-8b", "qwen-7b");
    assertWithinBudgets(plan, pool, List.of());
  }

  @Test
  void aModelNoProfileHoldsIsUnfitWithTheRankersReason() {
    ModelPool pool = pool(model("huge", "meta-llama/Llama-3.1-405B-Instruct", 32768));
    pool.getSpec().getModels().get(0).setQuantization("bf16");
    onlyProfile(pool, "NVIDIA-H100-80GB-HBM3");

    ModelOutcome huge = outcome(plan(pool, List.of(), List.of()), "huge");

    assertThat(huge.phase()).isEqualTo(ModelPhase.Unfit);
    assertThat(huge.reason()).isEqualTo("InsufficientVram");
    assertThat(huge.message()).contains("fits no profile at context 32768");
  }

  @Test
  void aModelFromAnOrganisationTheListLeavesOutIsNotAllowed() {
    ModelPool pool = pool(model("mistral", "mistralai/Mistral-7B-Instruct-v0.3", 8192));
    pool.getSpec().setAllowedOrgs(List.of("meta-llama"));

    ModelOutcome mistral = outcome(plan(pool, List.of(), List.of()), "mistral");

    assertThat(mistral.phase()).isEqualTo(ModelPhase.Unfit);
    assertThat(mistral.reason()).isEqualTo("NotAllowed");
    assertThat(mistral.message()).contains("spec.allowedOrgs");
  }

  @Test
  void anUnknownModelIsRejectedOrPlacedFromItsOverrides() {
    PoolModel privateModel = model("private", "acme/secret-13b", 4096);
    ModelPool rejecting = pool(privateModel);
    rejecting.getSpec().setUnknownModels(UnknownModelPolicy.REJECT);
    ModelOutcome rejected = outcome(plan(rejecting, List.of(), List.of()), "private");
    assertThat(rejected.phase()).isEqualTo(ModelPhase.Unfit);
    assertThat(rejected.reason()).isEqualTo("UnknownModel");
    assertThat(rejected.message()).contains("overrides.parametersB");

    ModelFactsOverride facts = new ModelFactsOverride();
    facts.setParametersB(13.0);
    facts.setLayers(40);
    facts.setHiddenSize(5120);
    facts.setAttentionHeads(40);
    facts.setKvHeads(40);
    privateModel.setOverrides(facts);
    ModelOutcome described = outcome(plan(pool(privateModel), List.of(), List.of()), "private");
    assertThat(described.phase()).isEqualTo(ModelPhase.Placed);
    assertThat(described.facts())
        .anyMatch(f -> f.name().equals("parametersB") && f.source().equals("override"));
  }

  @Test
  void twoPoolsNeverPlanTheSameGpu() {
    ModelPool first = pool(model("big", "meta-llama/Llama-3.3-70B-Instruct", 8192));
    first.getSpec().getModels().get(0).setReplicas(6);
    ModelPool second = pool(model("big", "meta-llama/Llama-3.3-70B-Instruct", 8192));
    second.getMetadata().setName("other");
    second.getSpec().getModels().get(0).setReplicas(6);

    PoolPlan a = plan(first, List.of(), List.of());
    PoolPlan b = plan(second, List.of(), a.claims());

    Set<String> gpusOfA = gpus(a.claims());
    assertThat(gpus(b.claims())).doesNotContainAnyElementsOf(gpusOfA);
    assertThat(a.claims()).isNotEmpty();
    assertWithinBudgets(b, second, a.claims());
  }

  @Test
  void replanningWhatRunsKeepsItWhereItIs() {
    ModelPool pool = ExampleFleet.chatPool();
    PoolPlan first = plan(pool, List.of(), List.of());
    PoolPlan again = plan(pool, first.claims(), List.of());

    assertThat(again.evictions()).isEmpty();
    assertThat(new HashSet<>(again.claims())).isEqualTo(new HashSet<>(first.claims()));
  }

  @Test
  void aShrunkDiskBudgetEvictsTheLowestValueAndNeverThePinnedModel() {
    // All four models on the one MI300X node; 40 GiB of disk then holds the pinned llama-8b
    // (16.5 GiB) and 23.5 GiB more: qwen-32b-awq, the lowest value (priority 50), goes.
    ModelPool pool = ExampleFleet.chatPool();
    onlyProfile(pool, "AMD_Instinct_MI300X_OAM");
    PoolPlan before = plan(pool, List.of(), List.of());
    assertThat(before.models()).allMatch(m -> m.phase() == ModelPhase.Placed);
    pool.getSpec().getBudgets().setDiskGiBPerNode(40.0);

    PoolPlan after = plan(pool, before.claims(), List.of());

    assertThat(after.evictions()).extracting(e -> e.model()).containsExactly("qwen-32b-awq");
    assertThat(after.evictions().get(0).reason().statusReason()).isEqualTo("LowestScore");
    assertThat(outcome(after, "qwen-32b-awq").phase()).isEqualTo(ModelPhase.Evicted);
    assertThat(outcome(after, "llama-8b").phase()).isEqualTo(ModelPhase.Placed);
    assertWithinBudgets(after, pool, List.of());
  }

  @Test
  void zeroReplicasKeepsTheModelListedButNotRunning() {
    PoolModel idle = model("idle", "Qwen/Qwen2.5-7B-Instruct", 8192);
    idle.setReplicas(0);
    PoolPlan plan = plan(pool(idle), List.of(), List.of());

    assertThat(outcome(plan, "idle").phase()).isEqualTo(ModelPhase.Pending);
    assertThat(outcome(plan, "idle").reason()).isEqualTo("ScaledToZero");
    assertThat(plan.serving()).isEmpty();
  }

  /** Restricts the pool to the detected profile of one GPU product. */
  private void onlyProfile(ModelPool pool, String product) {
    String name =
        fleet.stream()
            .filter(
                p ->
                    p.getSpec().getGpu() != null
                        && product.equals(p.getSpec().getGpu().getProduct()))
            .map(p -> p.getMetadata().getName())
            .findFirst()
            .orElseThrow();
    var selector = new dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector();
    selector.setNames(List.of(name));
    pool.getSpec().setHardwareProfiles(selector);
  }

  private PoolPlan plan(ModelPool pool, List<Claim> current, List<Claim> others) {
    return planner.plan(
        new PoolPlanInput(pool, fleet, null, current, others, Map.of(), Map.of(), List.of(), NOW));
  }

  private void assertWithinBudgets(PoolPlan plan, ModelPool pool, List<Claim> others) {
    double fraction = PoolPlanner.vramFraction(pool.getSpec());
    Map<String, Double> memoryByNode = new HashMap<>();
    for (HardwareProfile p : fleet) {
      if (p.getSpec().getGpu() != null && p.getSpec().getGpu().getMemoryGiB() != null) {
        p.getStatus()
            .getNodes()
            .forEach(n -> memoryByNode.put(n, p.getSpec().getGpu().getMemoryGiB()));
      }
    }
    Set<String> used = gpus(others);
    for (Claim c : plan.claims()) {
      assertThat(c.vramPerGpuGiB())
          .isLessThanOrEqualTo(memoryByNode.get(c.node()) * fraction + 1e-9);
      for (int gpu : c.gpuIndices()) {
        assertThat(used.add(c.node() + "#" + gpu))
            .as("GPU %s#%d planned twice", c.node(), gpu)
            .isTrue();
      }
    }
    Double disk = PoolPlanner.diskBudget(pool.getSpec());
    if (disk != null) {
      assertThat(plan.totals().diskGiB()).isLessThanOrEqualTo(disk + 1e-9);
    }
  }

  private static Set<String> gpus(List<Claim> claims) {
    Set<String> out = new HashSet<>();
    claims.forEach(c -> c.gpuIndices().forEach(g -> out.add(c.node() + "#" + g)));
    return out;
  }

  private static ModelOutcome outcome(PoolPlan plan, String model) {
    return plan.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow();
  }

  private static ModelPool pool(PoolModel... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName("pool");
    pool.getMetadata().setNamespace("team");
    pool.setSpec(new dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec());
    pool.getSpec().setModels(new java.util.ArrayList<>(List.of(models)));
    return pool;
  }

  private static PoolModel model(String name, String repo, int context) {
    PoolModel model = new PoolModel();
    model.setName(name);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    model.setSource(source);
    model.setContextLength(context);
    return model;
  }
}
