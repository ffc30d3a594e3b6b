package dev.modelfleet.ranker.rank;

import dev.modelfleet.ranker.estimate.Engine;
import java.util.List;

/**
 * One row of a ranking: a candidate placed on a hardware target.
 *
 * @param modelId the repository id
 * @param quant the weight format's canonical name
 * @param engine the engine the estimate is for
 * @param contextLength tokens of context per sequence
 * @param score 0-100, {@link RankScore}: quality fused with speed and fit; 0 when it does not fit
 * @param fits whether some GPU count of one node holds it
 * @param gpus GPUs one replica needs; when it does not fit, the most the node offers (the count
 *     {@code vramPerGpuGiB} was estimated at)
 * @param parallelism "none" on one GPU, else "tensor" (vLLM, SGLang) or "layer" (llama.cpp, Ollama)
 * @param decodeTokensPerSecond one sequence's estimated decode speed on those GPUs
 * @param vramPerGpuGiB what the most loaded GPU needs
 * @param vramTotalGiB what all its GPUs need together
 * @param gpuMemoryGiB what one GPU of the target has
 * @param evidence the grade of the quality evidence that weighed most ("direct", "variant", ...),
 *     or "none" when the quality score is the neutral prior
 * @param quality the quality score, 0-100
 * @param qualityConfidence how far the quality score can be relied on: "high", "medium", "low"
 * @param speedConfidence how far the speed and memory estimate can be relied on
 * @param speedTerm the speed term of the score, 0-100
 * @param fitTerm the fit term of the score, 0-100
 * @param explanation one sentence per term: fit, quality, speed, then how the score adds up;
 *     written on first read
 */
public record RankedModel(
    String modelId,
    String quant,
    Engine engine,
    int contextLength,
    double score,
    boolean fits,
    int gpus,
    String parallelism,
    double decodeTokensPerSecond,
    double vramPerGpuGiB,
    double vramTotalGiB,
    double gpuMemoryGiB,
    String evidence,
    double quality,
    String qualityConfidence,
    String speedConfidence,
    double speedTerm,
    double fitTerm,
    List<String> explanation) {}
