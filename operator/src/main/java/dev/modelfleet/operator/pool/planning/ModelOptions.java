package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.ranker.placement.PlacementOption;
import dev.modelfleet.ranker.rank.RankedModel;
import java.util.List;
import java.util.Map;

/**
 * Where one model could run: one placement option per profile it fits, with the ranked row behind
 * each; or, when it fits none, why.
 *
 * @param options one per profile that holds a replica
 * @param rows the ranked row per profile name, fitting or not
 * @param contextLength the context the options were estimated at
 * @param quantization the canonical weight format, or null for the checkpoint's own
 * @param diskGiB model-cache disk per node
 * @param unfitReason CamelCase reason when no profile fits, else null
 * @param unfitMessage the explanation when no profile fits, else null
 */
record ModelOptions(
    List<PlacementOption> options,
    Map<String, RankedModel> rows,
    int contextLength,
    String quantization,
    double diskGiB,
    String unfitReason,
    String unfitMessage) {

  ModelOptions {
    options = List.copyOf(options);
    rows = Map.copyOf(rows);
  }

  boolean fitsSomewhere() {
    return !options.isEmpty();
  }
}
