package dev.modelfleet.ranker.placement;

/**
 * What a plan uses and is worth.
 *
 * @param gpus distinct GPUs holding at least one replica
 * @param vramGiB VRAM of all replicas (GPUs x VRAM per GPU, summed)
 * @param diskGiB model-cache disk, each model counted once per node it is on
 * @param totalValue the sum of the replicas' values (score x priority / 100)
 */
public record PlanTotals(int gpus, double vramGiB, double diskGiB, double totalValue) {}
