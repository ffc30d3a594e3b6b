package dev.modelfleet.ranker.placement;

/** Where a replica can go: a node, its GPUs, and the option of the node's profile. */
record Slot(int node, int[] gpus, Option option) {}
