package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.Confidence;

/**
 * How fast one sequence decodes.
 *
 * @param decodeTokensPerSecond tokens per second for a single sequence decoding alone at the
 *     request's context length; 0 when the engine cannot run the model on these GPUs
 * @param effectiveBandwidthGBps bytes read per token times tokens per second, in GB/s: the memory
 *     bandwidth the estimate assumes is achieved, all GPUs (and the CPU, when offloading) together
 * @param confidence how far the estimate can be trusted
 */
public record SpeedEstimate(
    double decodeTokensPerSecond, double effectiveBandwidthGBps, Confidence confidence) {}
