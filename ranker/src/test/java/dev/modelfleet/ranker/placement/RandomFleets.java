package dev.modelfleet.ranker.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random pools for property and quality tests. */
final class RandomFleets {
  /** The size of a random pool. */
  record Shape(
      int models,
      int nodes,
      int profiles,
      int maxGpusPerNode,
      int maxReplicas,
      double pinnedShare) {
    /** Up to 8 models on up to 6 nodes: small enough for the exact solver. */
    static Shape small(Random random) {
      return new Shape(
          2 + random.nextInt(7), 1 + random.nextInt(6), 1 + random.nextInt(2), 4, 2, 0);
    }
  }

  /** GPU memory sizes common in fleets (L4/A10G 24, A100 40/80, L40S 48, H100 80, H200 141). */
  private static final double[] GPU_GIB = {24, 40, 48, 80, 141};

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private RandomFleets() {}

  static PlacementRequest request(Random random, Shape shape) {
    List<PlacementNode> nodes = new ArrayList<>();
    for (int n = 0; n < shape.nodes(); n++) {
      nodes.add(node(random, "node-" + n, "profile-" + random.nextInt(shape.profiles()), shape));
    }
    List<PlacementCandidate> candidates = new ArrayList<>();
    for (int m = 0; m < shape.models(); m++) {
      candidates.add(candidate(random, "model-" + m, shape));
    }
    return PlacementRequest.of(candidates, nodes, List.of());
  }

  private static PlacementNode node(Random random, String name, String profile, Shape shape) {
    int gpus = 1 + random.nextInt(shape.maxGpusPerNode());
    double size = GPU_GIB[random.nextInt(GPU_GIB.length)];
    List<Double> free = new ArrayList<>();
    for (int g = 0; g < gpus; g++) {
      // Other pools hold part of some GPUs.
      free.add(random.nextInt(4) == 0 ? Math.floor(size * random.nextDouble()) : size);
    }
    double disk = 50 + random.nextInt(8) * 50;
    return new PlacementNode(name, profile, free, random.nextInt(3) != 0, disk);
  }

  private static PlacementCandidate candidate(Random random, String name, Shape shape) {
    List<PlacementOption> options = new ArrayList<>();
    for (int p = 0; p < shape.profiles(); p++) {
      if (random.nextInt(10) < 7) {
        int gpus = random.nextInt(4) == 0 ? 2 : 1;
        double vram = 4 + random.nextInt(70);
        double disk = 5 + random.nextInt(30) * 5;
        double score = 20 + random.nextInt(76);
        options.add(new PlacementOption("profile-" + p, gpus, vram, disk, score));
      }
    }
    int[] priorities = {50, 100, 100, 200};
    return new PlacementCandidate(
        name,
        1 + random.nextInt(shape.maxReplicas()),
        random.nextDouble() < shape.pinnedShare(),
        priorities[random.nextInt(priorities.length)],
        options,
        random.nextInt(3) == 0 ? null : EPOCH.plus(Duration.ofHours(random.nextInt(1000))),
        random.nextInt(4) == 0 ? null : EPOCH.minus(Duration.ofHours(random.nextInt(1000))));
  }
}
