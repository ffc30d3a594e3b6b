package dev.modelfleet.ranker.accuracy;

/**
 * A published single-stream decode speed.
 *
 * @param contextTokens tokens in the KV cache on average while the measured tokens were decoded
 * @param decodeTokensPerSecond the measured speed
 */
record DecodeRow(
    String id,
    String model,
    String quant,
    String engine,
    String gpu,
    int gpuCount,
    int contextTokens,
    double decodeTokensPerSecond,
    String source,
    String date,
    String note)
    implements Measurement {}
