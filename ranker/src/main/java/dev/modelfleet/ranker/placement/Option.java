package dev.modelfleet.ranker.placement;

/** A {@link PlacementOption} in index form, with the value of one replica placed with it. */
record Option(int profile, int gpus, double vram, double disk, double score, double value) {}
