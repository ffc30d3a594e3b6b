package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.operator.pool.planning.Claim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Rebuilds the claims a pool holds from its status (after an operator restart): each placed replica
 * holds its GPUs and its share of GPU memory on its node. GPUs are numbered in status order per
 * node; within a profile they are interchangeable.
 */
final class ClaimsFromStatus {
  private static final Set<ModelPhase> HOLDING =
      Set.of(ModelPhase.Placed, ModelPhase.Downloading, ModelPhase.Serving);

  private ClaimsFromStatus() {}

  static List<Claim> of(ModelPool pool) {
    String key = PoolKeys.of(pool);
    if (pool.getStatus() == null) {
      return List.of();
    }
    Map<String, Integer> nextGpu = new HashMap<>();
    List<Claim> claims = new ArrayList<>();
    for (ModelStatus model : pool.getStatus().getModels()) {
      if (!HOLDING.contains(model.getPhase())
          || model.getGpusPerReplica() == null
          || model.getGpusPerReplica() < 1) {
        continue;
      }
      int gpus = model.getGpusPerReplica();
      double vram = model.getEstimatedVramGiB() == null ? 0 : model.getEstimatedVramGiB() / gpus;
      double disk = model.getCacheDiskGiB() == null ? 0 : model.getCacheDiskGiB();
      for (String node : model.getNodes()) {
        int first = nextGpu.merge(node, gpus, Integer::sum) - gpus;
        List<Integer> indices = IntStream.range(first, first + gpus).boxed().toList();
        claims.add(new Claim(key, model.getName(), node, indices, vram, disk));
      }
    }
    return claims;
  }
}
