package dev.modelfleet.ranker.accuracy;

/**
 * A published observation that a model did, or did not, load entirely onto its GPUs.
 *
 * @param contextTokens the context the engine was started with, or the test needed
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
    boolean fits,
    String source,
    String date,
    String note)
    implements Measurement {}
