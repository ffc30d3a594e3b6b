/**
 * Placement and eviction: which replicas of a pool's models run on which GPUs of which nodes, under
 * each GPU's VRAM and each node's model-cache disk, maximising the pool's total value while keeping
 * the current placement unless a change is worth it. Pure Java, no Kubernetes. See {@link
 * dev.modelfleet.ranker.placement.PlacementSolver} and docs/placement.md.
 */
package dev.modelfleet.ranker.placement;
