package dev.modelfleet.ranker.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over many seeded random pools: a first placement, then a changed fleet (other pools
 * claim VRAM and disk, scores move, nodes disappear) solved against it.
 */
class PlacementPropertiesTest {
  /** Random pools per property: enough to hit tensor parallelism, whole GPUs and pinning often. */
  static final int POOLS = 150;

  private final PlacementSolver solver = new PlacementSolver();

  /** A pool, its first plan, and the pool changed around that plan. */
  private record Scenario(PlacementRequest first, PlacementPlan firstPlan, PlacementRequest next) {}

  private Scenario scenario(int seed) {
    Random random = new Random(seed);
    RandomFleets.Shape shape =
        new RandomFleets.Shape(
            2 + random.nextInt(12), 1 + random.nextInt(8), 1 + random.nextInt(3), 8, 3, 0.3);
    PlacementRequest first = RandomFleets.request(random, shape);
    PlacementPlan plan = solver.solve(first);
    return new Scenario(first, plan, changed(random, first, plan));
  }

  /**
   * Other pools claim part of what the plan's unpinned replicas use, unpinned scores move, a node
   * may disappear; pinned replicas keep the room they have, so they stay valid.
   */
  private static PlacementRequest changed(
      Random random, PlacementRequest first, PlacementPlan plan) {
    Map<String, PlacementCandidate> byName = new HashMap<>();
    first.candidates().forEach(c -> byName.put(c.model(), c));
    Map<String, double[]> pinnedVram = new HashMap<>();
    Map<String, Double> pinnedDisk = new HashMap<>();
    Map<String, List<String>> pinnedCached = new HashMap<>();
    for (PlannedReplica r : plan.replicas()) {
      if (byName.get(r.model()).pinned()) {
        double[] used =
            pinnedVram.computeIfAbsent(
                r.node(),
                n ->
                    new double
                        [first.nodes().stream()
                            .filter(x -> x.name().equals(n))
                            .findFirst()
                            .orElseThrow()
                            .freeVramGiBPerGpu()
                            .size()]);
        r.gpuIndices().forEach(g -> used[g] += r.vramPerGpuGiB());
        List<String> cached = pinnedCached.computeIfAbsent(r.node(), n -> new ArrayList<>());
        if (!cached.contains(r.model())) {
          cached.add(r.model());
          pinnedDisk.merge(r.node(), r.diskGiB(), Double::sum);
        }
      }
    }
    List<PlacementNode> nodes = new ArrayList<>();
    for (PlacementNode n : first.nodes()) {
      if (random.nextInt(10) == 0 && !pinnedVram.containsKey(n.name())) {
        continue; // the node left the pool
      }
      double[] pinned = pinnedVram.getOrDefault(n.name(), new double[n.freeVramGiBPerGpu().size()]);
      List<Double> free = new ArrayList<>();
      for (int g = 0; g < pinned.length; g++) {
        double was = n.freeVramGiBPerGpu().get(g);
        double cut = random.nextInt(3) == 0 ? was * random.nextDouble() : 0;
        free.add(Math.max(pinned[g], was - cut));
      }
      double disk =
          Math.max(
              pinnedDisk.getOrDefault(n.name(), 0.0),
              n.freeDiskGiB() - (random.nextInt(3) == 0 ? random.nextInt(200) : 0));
      nodes.add(new PlacementNode(n.name(), n.hardwareProfile(), free, n.gpusShareable(), disk));
    }
    List<PlacementCandidate> candidates = new ArrayList<>();
    for (PlacementCandidate c : first.candidates()) {
      List<PlacementOption> options = new ArrayList<>();
      for (PlacementOption o : c.options()) {
        double score =
            c.pinned()
                ? o.score()
                : Math.min(100, Math.max(0, o.score() + random.nextInt(41) - 20));
        options.add(
            new PlacementOption(
                o.hardwareProfile(), o.gpusPerReplica(), o.vramPerGpuGiB(), o.diskGiB(), score));
      }
      candidates.add(
          new PlacementCandidate(
              c.model(),
              c.replicas(),
              c.pinned(),
              c.priority(),
              options,
              c.lastUsed(),
              c.installedAt()));
    }
    return PlacementRequest.of(candidates, nodes, Fleet.asCurrent(plan));
  }

  @Test
  void neverOverAnyBudget() {
    for (int seed = 0; seed < POOLS; seed++) {
      Scenario s = scenario(seed);
      assertThat(PlanChecks.violations(s.first(), s.firstPlan()))
          .as("seed %d first", seed)
          .isEmpty();
      assertThat(PlanChecks.violations(s.next(), solver.solve(s.next())))
          .as("seed %d next", seed)
          .isEmpty();
    }
  }

  @Test
  void neverEvictsAPinnedModel() {
    int pinnedReplicas = 0;
    for (int seed = 0; seed < POOLS; seed++) {
      Scenario s = scenario(seed);
      PlacementPlan next = solver.solve(s.next());
      List<String> placed = positions(next.replicas());
      for (PlannedReplica r : s.firstPlan().replicas()) {
        boolean pinned =
            s.next().candidates().stream().anyMatch(c -> c.model().equals(r.model()) && c.pinned());
        if (pinned) {
          pinnedReplicas++;
          assertThat(placed).as("seed %d", seed).contains(position(r));
          placed.remove(position(r));
        }
      }
      assertThat(next.evictions())
          .as("seed %d", seed)
          .noneMatch(
              e ->
                  s.next().candidates().stream()
                      .anyMatch(c -> c.model().equals(e.model()) && c.pinned()));
    }
    assertThat(pinnedReplicas).as("pinned replicas exercised").isGreaterThan(POOLS / 2);
  }

  @Test
  void evictionsNeverExceedTheReplicasAModelLoses() {
    int evictions = 0;
    for (int seed = 0; seed < POOLS; seed++) {
      Scenario s = scenario(seed);
      PlacementPlan next = solver.solve(s.next());
      for (Eviction e : next.evictions()) {
        evictions += e.replicasRemoved();
        long before = s.next().current().stream().filter(c -> c.model().equals(e.model())).count();
        long after = next.replicas().stream().filter(r -> r.model().equals(e.model())).count();
        assertThat((long) e.replicasRemoved())
            .as("seed %d %s", seed, e)
            .isLessThanOrEqualTo(before - after);
        String phrase =
            switch (e.reason()) {
              case LOWEST_SCORE -> "lowest score";
              case LEAST_RECENTLY_USED -> "least recently used";
              case OLDEST -> "oldest";
            };
        assertThat(e.message())
            .as("seed %d", seed)
            .matches("^(over budget|evicted to make room): node .*; " + phrase + " \\(.*\\).*");
      }
    }
    assertThat(evictions).as("evictions exercised").isGreaterThan(POOLS / 10);
  }

  @Test
  void theSamePlanWhateverTheOrderOfTheInputs() {
    for (int seed = 0; seed < POOLS; seed++) {
      Scenario s = scenario(seed);
      PlacementPlan plan = solver.solve(s.next());
      PlacementPlan shuffled = solver.solve(shuffled(s.next(), new Random(seed)));
      assertThat(shuffled).as("seed %d", seed).isEqualTo(plan);
    }
  }

  @Test
  void stableWhenNothingChanges() {
    for (int seed = 0; seed < POOLS; seed++) {
      Scenario s = scenario(seed);
      PlacementRequest again =
          PlacementRequest.of(
              s.first().candidates(), s.first().nodes(), Fleet.asCurrent(s.firstPlan()));
      assertThat(solver.solve(again)).as("seed %d", seed).isEqualTo(s.firstPlan());
    }
  }

  private static PlacementRequest shuffled(PlacementRequest request, Random random) {
    List<PlacementCandidate> candidates = new ArrayList<>();
    for (PlacementCandidate c : request.candidates()) {
      List<PlacementOption> options = new ArrayList<>(c.options());
      Collections.shuffle(options, random);
      candidates.add(
          new PlacementCandidate(
              c.model(),
              c.replicas(),
              c.pinned(),
              c.priority(),
              options,
              c.lastUsed(),
              c.installedAt()));
    }
    Collections.shuffle(candidates, random);
    List<PlacementNode> nodes = new ArrayList<>(request.nodes());
    Collections.shuffle(nodes, random);
    List<CurrentReplica> current = new ArrayList<>(request.current());
    Collections.shuffle(current, random);
    return new PlacementRequest(candidates, nodes, current, request.moveGainThreshold());
  }

  private static List<String> positions(List<PlannedReplica> replicas) {
    List<String> positions = new ArrayList<>();
    replicas.forEach(r -> positions.add(position(r)));
    return positions;
  }

  private static String position(PlannedReplica r) {
    return r.model() + "@" + r.node() + r.gpuIndices();
  }
}
