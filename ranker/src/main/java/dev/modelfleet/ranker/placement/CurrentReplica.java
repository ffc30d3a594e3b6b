package dev.modelfleet.ranker.placement;

import java.util.List;

/**
 * A replica running now (the current placement).
 *
 * @param model the candidate's model name
 * @param node the node it runs on
 * @param gpuIndices the GPUs of that node it uses
 */
public record CurrentReplica(String model, String node, List<Integer> gpuIndices) {

  /** Copies the GPU list. */
  public CurrentReplica {
    gpuIndices = Lists.copyKeepingNulls(gpuIndices);
  }
}
