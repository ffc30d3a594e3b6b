package dev.modelfleet.ranker.placement;

/**
 * Current replicas of a model the plan removes and does not re-place elsewhere.
 *
 * @param model the model
 * @param replicasRemoved how many of its replicas go
 * @param reason the eviction-order key that chose them
 * @param message the budget exceeded and the comparison that decided, for status and Events
 */
public record Eviction(String model, int replicasRemoved, EvictionReason reason, String message) {}
