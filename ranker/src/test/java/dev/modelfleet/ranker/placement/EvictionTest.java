package dev.modelfleet.ranker.placement;

import static dev.modelfleet.ranker.placement.Fleet.model;
import static dev.modelfleet.ranker.placement.Fleet.node;
import static dev.modelfleet.ranker.placement.Fleet.option;
import static dev.modelfleet.ranker.placement.Fleet.pinned;
import static dev.modelfleet.ranker.placement.Fleet.request;
import static dev.modelfleet.ranker.placement.Fleet.running;
import static dev.modelfleet.ranker.placement.Fleet.used;
import static dev.modelfleet.ranker.placement.Fleet.wholeGpuNode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which current replicas go, in what order, and what the status says about it. */
class EvictionTest {
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

  private final PlacementSolver solver = new PlacementSolver();

  @Test
  void overBudgetTheLowestValueGoesFirst() {
    // Another pool claimed 40 GiB of the GPU: the two current replicas no longer fit together.
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("weak", 1, option("h100", 1, 30, 10, 41)),
                    model("strong", 1, option("h100", 1, 30, 10, 63.5))),
                List.of(node("gpu-1", "h100", 500, 40)),
                running("weak", "gpu-1", 0),
                running("strong", "gpu-1", 0)));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("strong");
    Eviction eviction = plan.evictions().get(0);
    assertThat(eviction.model()).isEqualTo("weak");
    assertThat(eviction.replicasRemoved()).isEqualTo(1);
    assertThat(eviction.reason()).isEqualTo(EvictionReason.LOWEST_SCORE);
    assertThat(eviction.reason().statusReason()).isEqualTo("LowestScore");
    assertThat(eviction.message())
        .isEqualTo(
            "over budget: node gpu-1 GPU 0 has 40.0 GiB free for this pool, its replicas need"
                + " 60.0 GiB; lowest score (41.0 < 63.5 of strong)");
  }

  @Test
  void onEqualValueTheLeastRecentlyUsedGoesAndNeverUsedCountsAsEarliest() {
    PlacementCandidate recent = used(model("recent", 1, option("h100", 1, 30, 10, 50)), FEB, JAN);
    PlacementCandidate stale = used(model("stale", 1, option("h100", 1, 30, 10, 50)), JAN, FEB);
    PlacementCandidate never = used(model("never", 1, option("h100", 1, 30, 10, 50)), null, FEB);

    PlacementPlan staleGoes =
        solver.solve(
            request(
                List.of(recent, stale),
                List.of(node("n", "h100", 500, 40)),
                running("recent", "n", 0),
                running("stale", "n", 0)));
    assertThat(staleGoes.evictions())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.model()).isEqualTo("stale");
              assertThat(e.reason()).isEqualTo(EvictionReason.LEAST_RECENTLY_USED);
              assertThat(e.reason().statusReason()).isEqualTo("LeastRecentlyUsed");
              assertThat(e.message())
                  .endsWith(
                      "least recently used (equal score 50.0; last used 2026-01-01T00:00:00Z,"
                          + " recent 2026-02-01T00:00:00Z)");
            });

    PlacementPlan neverGoes =
        solver.solve(
            request(
                List.of(stale, never),
                List.of(node("n", "h100", 500, 40)),
                running("stale", "n", 0),
                running("never", "n", 0)));
    assertThat(neverGoes.evictions()).extracting(Eviction::model).containsExactly("never");
    assertThat(neverGoes.evictions().get(0).message()).contains("last used never");
  }

  @Test
  void onEqualValueAndUseTheOldestInstallGoes() {
    PlacementCandidate older = used(model("older", 1, option("h100", 1, 30, 10, 50)), FEB, JAN);
    PlacementCandidate newer = used(model("newer", 1, option("h100", 1, 30, 10, 50)), FEB, FEB);

    PlacementPlan plan =
        solver.solve(
            request(
                List.of(older, newer),
                List.of(node("n", "h100", 500, 40)),
                running("older", "n", 0),
                running("newer", "n", 0)));

    Eviction eviction = plan.evictions().get(0);
    assertThat(eviction.model()).isEqualTo("older");
    assertThat(eviction.reason()).isEqualTo(EvictionReason.OLDEST);
    assertThat(eviction.reason().statusReason()).isEqualTo("Oldest");
    assertThat(eviction.message())
        .endsWith(
            "oldest (equal score and last use; installed 2026-01-01T00:00:00Z, newer"
                + " 2026-02-01T00:00:00Z)");
  }

  @Test
  void aNewModelWorthMuchMoreDisplacesACurrentReplica() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("small", 1, option("h100", 1, 40, 10, 41)),
                    model("qwen-32b", 1, option("h100", 1, 38.2, 10, 63.5))),
                List.of(node("gpu-1", "h100", 500, 50)),
                running("small", "gpu-1", 0)));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("qwen-32b");
    assertThat(plan.evictions())
        .containsExactly(
            new Eviction(
                "small",
                1,
                EvictionReason.LOWEST_SCORE,
                "evicted to make room: node gpu-1 GPU 0 has 10.0 GiB free, qwen-32b needs 38.2"
                    + " GiB; lowest score (41.0 < 63.5)"));
  }

  @Test
  void wholeGpuDisplacementNamesTheHolder() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("small", 1, option("h100", 1, 10, 10, 30)),
                    model("big", 1, option("h100", 1, 70, 10, 90))),
                List.of(wholeGpuNode("n", "h100", 500, 80)),
                running("small", "n", 0)));

    assertThat(plan.evictions().get(0).message())
        .isEqualTo(
            "evicted to make room: node n GPU 0 is whole-GPU scheduled and held by small, big"
                + " needs the whole GPU; lowest score (30.0 < 90.0)");
  }

  @Test
  void aPinnedModelIsNeverEvictedEvenWhenWorthLess() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    pinned("pinned", 1, option("h100", 1, 30, 10, 20)),
                    model("valuable", 1, option("h100", 1, 30, 10, 90))),
                List.of(node("n", "h100", 500, 40)),
                running("pinned", "n", 0),
                running("valuable", "n", 0)));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("pinned");
    assertThat(plan.evictions()).extracting(Eviction::model).containsExactly("valuable");
    assertThat(plan.evictions().get(0).message())
        .endsWith("lowest score (90.0; every other replica there is pinned or none shares it)");
  }

  @Test
  void aPinnedModelThatCannotBePlacedIsReportedUnplaced() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(pinned("pinned", 1, option("h100", 1, 90, 10, 80))),
                List.of(node("n", "h100", 500, 80))));

    assertThat(plan.replicas()).isEmpty();
    assertThat(plan.unplaced()).extracting(UnplacedModel::model).containsExactly("pinned");
  }

  @Test
  void pinnedModelsArePlacedBeforeMoreValuableOnes() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    pinned("pinned", 1, option("h100", 1, 60, 10, 20)),
                    model("valuable", 1, option("h100", 1, 60, 10, 90))),
                List.of(node("n", "h100", 500, 80))));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("pinned");
  }

  @Test
  void theDiskBudgetEvictsAModelWithAllItsReplicasOnTheNode() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(
                    model("cheap", 2, option("h100", 1, 10, 60, 30)),
                    model("dear", 1, option("h100", 1, 10, 60, 70))),
                List.of(node("n", "h100", 100, 80, 80)),
                running("cheap", "n", 0),
                running("cheap", "n", 1),
                running("dear", "n", 0)));

    assertThat(plan.replicas()).extracting(PlannedReplica::model).containsExactly("dear");
    Eviction eviction = plan.evictions().get(0);
    assertThat(eviction.model()).isEqualTo("cheap");
    assertThat(eviction.replicasRemoved()).isEqualTo(2);
    assertThat(eviction.message())
        .startsWith(
            "over budget: node n has 100.0 GiB of model-cache disk free for this pool, its"
                + " models need 120.0 GiB; lowest score (30.0 < 70.0 of dear)");
  }

  @Test
  void replicasOnNodesThatAreGoneAreReplacedNotEvicted() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 1, option("h100", 1, 30, 10, 50))),
                List.of(node("new-node", "h100", 500, 80)),
                running("m", "removed-node", 0)));

    assertThat(plan.evictions()).isEmpty();
    assertThat(plan.replicas()).extracting(PlannedReplica::node).containsExactly("new-node");
  }

  @Test
  void scalingDownIsNotAnEviction() {
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 1, option("h100", 1, 30, 10, 50))),
                List.of(node("a", "h100", 500, 80), node("b", "h100", 500, 80)),
                running("m", "a", 0),
                running("m", "b", 0)));

    assertThat(plan.evictions()).isEmpty();
    assertThat(plan.replicas()).hasSize(1);
  }

  @Test
  void aReplicaThatNoLongerMatchesItsOptionIsReplaced() {
    // The model now needs two GPUs per replica: the one-GPU replica is not valid any more.
    PlacementPlan plan =
        solver.solve(
            request(
                List.of(model("m", 1, option("h100", 2, 30, 10, 50))),
                List.of(node("a", "h100", 500, 80, 80)),
                running("m", "a", 0)));

    assertThat(plan.evictions()).isEmpty();
    assertThat(plan.replicas().get(0).gpuIndices()).containsExactly(0, 1);
  }
}
