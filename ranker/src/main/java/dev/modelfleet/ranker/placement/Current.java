package dev.modelfleet.ranker.placement;

/**
 * A current replica on a node that still exists.
 *
 * @param id its position in the sorted current list
 * @param gpus its GPU indices, ascending
 */
record Current(int id, int model, int node, int[] gpus) {}
