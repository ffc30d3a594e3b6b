package dev.modelfleet.ranker.placement;

import static dev.modelfleet.ranker.placement.Fleet.model;
import static dev.modelfleet.ranker.placement.Fleet.node;
import static dev.modelfleet.ranker.placement.Fleet.option;
import static dev.modelfleet.ranker.placement.Fleet.priority;
import static dev.modelfleet.ranker.placement.Fleet.request;
import static dev.modelfleet.ranker.placement.Fleet.wholeGpuNode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The placement rules, one at a time, on pools small enough to check by hand. */
class PlacementSolverTest {
  private final PlacementSolver solver = new PlacementSolver();

  @Test
  void aReplicaGoesOnlyToNodesOfItsOptionsProfile() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("llama", 1, option("l4", 1, 20, 30, 60))),
                List.of(node("a-h100", "h100", 500, 80), node("b-l4", "l4", 500, 24))));

    assertThat(plan.replicas())
        .singleElement()
        .satisfies(r -> assertThat(r.node()).isEqualTo("b-l4"));
    assertThat(plan.replicas().get(0).hardwareProfile()).isEqualTo("l4");
  }

  @Test
  void eachGpuOfAReplicaNeedsItsVramFree() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("qwen-32b", 1, option("h100", 1, 38.2, 70, 63.5))),
                List.of(node("gpu-1", "h100", 500, 30, 20))));

    assertThat(plan.replicas()).isEmpty();
    UnplacedModel unplaced = plan.unplaced().get(0);
    assertThat(unplaced.reason()).isEqualTo(UnplacedModel.INSUFFICIENT_VRAM);
    assertThat(unplaced.message())
        .isEqualTo(
            "needs 1 GPU(s) with 38.2 GiB free each on one h100 node; the closest, node gpu-1,"
                + " has 30.0 GiB free on its roomiest GPU");
    assertThat(unplaced.placedReplicas()).isZero();
    assertThat(unplaced.wantedReplicas()).isEqualTo(1);
  }

  @Test
  void tensorParallelReplicasTakeDistinctGpusOfOneNode() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("llama-70b", 1, option("a100", 2, 40, 140, 80))),
                List.of(node("n1", "a100", 500, 80), node("n2", "a100", 500, 80))));

    assertThat(plan.replicas()).isEmpty();
    assertThat(plan.unplaced().get(0).reason()).isEqualTo(UnplacedModel.INSUFFICIENT_GPUS);

    PlacementPlan twoGpus =
        solver.solve(
            request(
                List.of(model("llama-70b", 1, option("a100", 2, 40, 140, 80))),
                List.of(node("n1", "a100", 500, 80, 45))));
    assertThat(twoGpus.replicas().get(0).gpuIndices()).containsExactly(0, 1);
  }

  @Test
  void wholeGpuSchedulingGivesAGpuToOneReplica() {
    List<PlacementCandidate> models =
        List.of(
            model("a", 1, option("h100", 1, 10, 10, 50)),
            model("b", 1, option("h100", 1, 10, 10, 40)));

    PlacementPlan whole =
        solver.solve(request(models, List.of(wholeGpuNode("n", "h100", 500, 80))));
    assertThat(whole.replicas()).extracting(PlannedReplica::model).containsExactly("a");
    assertThat(whole.unplaced().get(0).reason()).isEqualTo(UnplacedModel.INSUFFICIENT_GPUS);

    PlacementPlan shared = solver.solve(request(models, List.of(node("n", "h100", 500, 80))));
    assertThat(shared.replicas()).extracting(PlannedReplica::model).containsExactly("a", "b");
    assertThat(shared.totals().gpus()).isEqualTo(1);
  }

  @Test
  void aModelsCacheDiskCountsOncePerNode() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 2, option("h100", 1, 30, 60, 70))),
                List.of(node("n", "h100", 100, 80, 80))));

    assertThat(plan.replicas()).hasSize(2);
    assertThat(plan.totals().diskGiB()).isEqualTo(60);
    assertThat(plan.totals().vramGiB()).isEqualTo(60);
  }

  @Test
  void theDiskBudgetHoldsAcrossModels() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("a", 1, option("h100", 1, 10, 60, 70)),
                    model("b", 1, option("h100", 1, 10, 60, 50))),
                List.of(node("n", "h100", 100, 80))));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("a");
    UnplacedModel b = plan.unplaced().get(0);
    assertThat(b.reason()).isEqualTo(UnplacedModel.INSUFFICIENT_DISK);
    assertThat(b.message())
        .isEqualTo(
            "needs 60.0 GiB of model-cache disk on one h100 node with room on its GPUs; the most"
                + " such a node has free is 40.0 GiB (node n)");
  }

  @Test
  void noMoreReplicasThanWanted() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 2, option("h100", 1, 10, 10, 70))),
                List.of(node("n", "h100", 500, 80, 80, 80))));

    assertThat(plan.replicas()).hasSize(2);
    assertThat(plan.replicas()).extracting(PlannedReplica::replica).containsExactly(0, 1);
    assertThat(plan.unplaced()).isEmpty();
  }

  @Test
  void severalSmallReplicasBeatOneLargeWhenTheyAreWorthMore() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("large", 1, option("h100", 1, 80, 10, 70)),
                    model("small", 2, option("h100", 1, 40, 10, 40))),
                List.of(node("n", "h100", 500, 80))));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("small", "small");
    assertThat(plan.totals().totalValue()).isEqualTo(80);
  }

  @Test
  void priorityWeighsTheScore() {
    PlacementCandidate low = model("better-score", 1, option("h100", 1, 60, 10, 80));
    PlacementCandidate high =
        priority(model("higher-priority", 1, option("h100", 1, 60, 10, 50)), 200);

    PlacementPlan plan =
        solver.solve(request(List.of(low, high), List.of(node("n", "h100", 500, 80))));

    assertThat(plan.replicas())
        .extracting(PlannedReplica::model)
        .containsExactly("higher-priority");
    assertThat(plan.totals().totalValue()).isEqualTo(100);
    assertThat(plan.replicas().get(0).score()).isEqualTo(50);
  }

  @Test
  void aModelTakesItsBestProfileWhenThereIsRoom() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 1, option("h100", 1, 30, 10, 90), option("l4", 1, 20, 10, 60))),
                List.of(node("a", "l4", 500, 24), node("b", "h100", 500, 80))));

    assertThat(plan.replicas().get(0).hardwareProfile()).isEqualTo("h100");
    assertThat(plan.replicas().get(0).score()).isEqualTo(90);
  }

  @Test
  void noHardwareWhenNoOptionOrNoNodeOfItsProfiles() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("too-big", 1), model("mi300-only", 1, option("mi300x", 1, 100, 10, 80))),
                List.of(node("n", "h100", 500, 80))));

    assertThat(plan.unplaced())
        .extracting(UnplacedModel::model, UnplacedModel::reason, UnplacedModel::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "mi300-only",
                UnplacedModel.NO_HARDWARE,
                "no node of its hardware profiles (mi300x) is in the pool"),
            org.assertj.core.groups.Tuple.tuple(
                "too-big",
                UnplacedModel.NO_HARDWARE,
                "no hardware profile can serve it: it has no placement option"));
  }

  @Test
  void totalsCountDistinctGpusVramDiskAndValue() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("a", 2, option("h100", 2, 30, 50, 60)),
                    model("b", 1, option("h100", 1, 10, 20, 40))),
                List.of(node("n", "h100", 500, 80, 80, 80, 80))));

    // Best fit stacks all three on GPUs 0 and 1 (30 + 30 + 10 of 80 GiB): two GPUs in use.
    assertThat(plan.replicas()).hasSize(3);
    assertThat(plan.replicas()).allSatisfy(r -> assertThat(r.gpuIndices()).isSubsetOf(0, 1));
    assertThat(plan.totals()).isEqualTo(new PlanTotals(2, 2 * 2 * 30 + 10, 50 + 20, 60 + 60 + 40));
  }

  @Test
  void theInputOrderDoesNotChangeThePlan() {
    List<PlacementCandidate> models =
        List.of(
            model("a", 1, option("h100", 1, 40, 10, 50)),
            model("b", 1, option("h100", 1, 40, 10, 50)),
            model("c", 1, option("h100", 1, 40, 10, 50)));
    List<PlacementNode> nodes = List.of(node("x", "h100", 500, 80), node("y", "h100", 500, 40));

    PlacementPlan forward = solver.solve(request(models, nodes));
    PlacementPlan backward = solver.solve(request(Fleet.reversed(models), Fleet.reversed(nodes)));

    assertThat(backward).isEqualTo(forward);
    // Equal values: names decide, and best fit puts the first on the tighter GPU.
    assertThat(forward.replicas())
        .extracting(PlannedReplica::model, PlannedReplica::node)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "y"),
            org.assertj.core.groups.Tuple.tuple("b", "x"),
            org.assertj.core.groups.Tuple.tuple("c", "x"));
  }

  @Test
  void anEmptyPoolGivesAnEmptyPlan() {
    PlacementPlan plan = solver.solve(request(List.of(), List.of()));

    assertThat(plan.replicas()).isEmpty();
    assertThat(plan.totals()).isEqualTo(new PlanTotals(0, 0, 0, 0));
  }

  @Test
  void aModelScaledToZeroLeavesWithoutAnEviction() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 0, option("h100", 1, 10, 10, 50))),
                List.of(node("n", "h100", 500, 80)),
                Fleet.running("m", "n", 0)));

    assertThat(plan.replicas()).isEmpty();
    assertThat(plan.evictions()).isEmpty();
    assertThat(plan.unplaced()).isEmpty();
  }

  @Test
  void aNodeWithoutGpusTakesNothing() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 1, option("cpu", 1, 0, 10, 50))),
                List.of(node("cpu-node", "cpu", 500))));

    assertThat(plan.unplaced().get(0).reason()).isEqualTo(UnplacedModel.INSUFFICIENT_GPUS);
  }
}
