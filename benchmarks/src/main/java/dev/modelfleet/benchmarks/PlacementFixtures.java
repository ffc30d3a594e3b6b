package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.placement.PlacementCandidate;
import dev.modelfleet.ranker.placement.PlacementNode;
import dev.modelfleet.ranker.placement.PlacementOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large, contended pool for the placement benchmark: nodes of seven common GPU profiles, part of
 * their GPUs held by other pools, and models from 1B to 405B parameters at three weight formats,
 * each with an option on every profile that holds it within one node.
 */
final class PlacementFixtures {
  /** GPU node shapes: name, GPUs per node, GiB per GPU, whole-GPU scheduling, cache disk, share. */
  private record Profile(
      String name, int gpus, double gpuGiB, boolean shareable, double diskGiB, double share) {}

  private static final List<Profile> PROFILES =
      List.of(
          new Profile("h100-8x80", 8, 80, false, 2000, 0.25),
          new Profile("a100-8x40", 8, 40, false, 1500, 0.15),
          new Profile("l40s-4x48", 4, 48, false, 1000, 0.20),
          new Profile("l4-1x24", 1, 24, false, 500, 0.15),
          new Profile("a10g-4x24", 4, 24, false, 800, 0.10),
          new Profile("h200-8x141", 8, 141, false, 3000, 0.10),
          new Profile("mi300x-8x192", 8, 192, true, 3000, 0.05));

  /** Parameter counts in billions, from small chat models to the largest open dense one. */
  private static final double[] PARAMS_B = {1, 3, 7, 8, 14, 27, 32, 70, 72, 110, 235, 405};

  /** Bytes per weight: BF16, FP8, 4-bit AWQ with its scales. */
  private static final double[] BYTES_PER_WEIGHT = {2, 1, 0.56};

  /** The pool may use 90% of a GPU (vLLM's default --gpu-memory-utilization). */
  private static final double VRAM_FRACTION = 0.9;

  /** Weights plus activations and engine overhead: the common 1.2x rule of thumb. */
  private static final double OVERHEAD = 1.2;

  /** A third of the GPUs are held by other pools. */
  private static final double CLAIMED_SHARE = 0.33;

  private static final double GB_PER_GIB = 1.073741824;
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  private PlacementFixtures() {}

  static List<PlacementNode> nodes(int count, long seed) {
    Random random = new Random(seed);
    List<PlacementNode> nodes = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Profile p = pick(random);
      List<Double> free = new ArrayList<>(p.gpus());
      for (int g = 0; g < p.gpus(); g++) {
        boolean claimed = random.nextDouble() < CLAIMED_SHARE;
        double usable = p.gpuGiB() * VRAM_FRACTION;
        free.add(claimed ? (p.shareable() ? usable * random.nextDouble() : 0) : usable);
      }
      double disk = p.diskGiB() * (0.3 + 0.7 * random.nextDouble());
      nodes.add(
          new PlacementNode(String.format("node-%05d", n), p.name(), free, p.shareable(), disk));
    }
    return nodes;
  }

  static List<PlacementCandidate> candidates(int count, long seed) {
    Random random = new Random(seed);
    List<PlacementCandidate> candidates = new ArrayList<>(count);
    for (int m = 0; m < count; m++) {
      double params = PARAMS_B[random.nextInt(PARAMS_B.length)];
      double bytes = BYTES_PER_WEIGHT[random.nextInt(BYTES_PER_WEIGHT.length)];
      double weightsGiB = params * bytes / GB_PER_GIB;
      double needGiB = weightsGiB * OVERHEAD + 1 + random.nextInt(16);
      double quality = Math.min(95, 30 + 10 * Math.log(params) + random.nextInt(10));
      List<PlacementOption> options = new ArrayList<>();
      for (Profile p : PROFILES) {
        for (int k = 1; k <= p.gpus(); k *= 2) {
          if (needGiB / k <= p.gpuGiB() * VRAM_FRACTION) {
            // Faster GPUs and fewer of them score a little higher.
            double score = Math.min(100, quality + p.gpuGiB() / 40 - k);
            options.add(new PlacementOption(p.name(), k, needGiB / k, weightsGiB * 1.05, score));
            break;
          }
        }
      }
      int replicas = 1 + random.nextInt(16);
      int priority = random.nextInt(10) == 0 ? 200 : 100;
      Instant lastUsed =
          random.nextInt(5) == 0 ? null : NOW.minus(Duration.ofMinutes(random.nextInt(100_000)));
      Instant installed = NOW.minus(Duration.ofHours(1 + random.nextInt(5_000)));
      candidates.add(
          new PlacementCandidate(
              String.format("model-%04d", m),
              replicas,
              random.nextInt(20) == 0,
              priority,
              options,
              lastUsed,
              installed));
    }
    return candidates;
  }

  private static Profile pick(Random random) {
    double r = random.nextDouble();
    for (Profile p : PROFILES) {
      r -= p.share();
      if (r < 0) {
        return p;
      }
    }
    return PROFILES.get(PROFILES.size() - 1);
  }
}
