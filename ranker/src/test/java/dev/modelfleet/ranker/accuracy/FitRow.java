package dev.modelfleet.ranker.accuracy;

/**
 * A published observation that a model did, or did not, load entirely onto its GPUs.
 *
 * @param contextTokens the context the engine was started with, or the test needed
 * @param batchedTokens the engine's step size the source ran with, when its version defaulted
 *     otherwise than today's; null for today's default
 * @param fits whether every layer ran on the GPUs at that context
 */
record FitRow(
    String id,
    String model,
    String quant,
    String engine,
    String gpu,
    int gpuCount,
    int contextTokens,
    Integer batchedTokens,
    boolean fits,
    String source,
    String date,
    String note)
    implements Measurement {}
