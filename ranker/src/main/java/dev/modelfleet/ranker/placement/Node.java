package dev.modelfleet.ranker.placement;

/**
 * A {@link PlacementNode} in index form.
 *
 * @param free VRAM free for this pool on each GPU before any of its replicas
 * @param disk model-cache disk free for this pool before any of its models
 */
record Node(int index, String name, int profile, double[] free, boolean shareable, double disk) {}
