package dev.modelfleet.ranker.placement;

/**
 * One way to serve a model on one hardware profile: per replica, GPUs (tensor parallel), VRAM on
 * each of those GPUs, model-cache disk on the node, and the ranker's 0-100 score there.
 *
 * @param hardwareProfile the profile whose nodes can run it
 * @param gpusPerReplica GPUs of one node a replica uses, at least 1
 * @param vramPerGpuGiB VRAM a replica needs on each of its GPUs, in GiB
 * @param diskGiB model-cache disk the model needs on a node, once however many replicas are there
 * @param score the ranker's 0-100 score of the model on this profile
 */
public record PlacementOption(
    String hardwareProfile,
    int gpusPerReplica,
    double vramPerGpuGiB,
    double diskGiB,
    double score) {}
