package dev.modelfleet.ranker.estimate;

/**
 * GPU memory one model needs, term by term. Every term is summed over all the GPUs the model is
 * spread over, so {@code totalGiB} is their sum; {@code perGpuGiB} is what the most loaded GPU
 * needs, which is what {@code fits} compares with one GPU's memory.
 *
 * @param weightsGiB the weights in their stored format
 * @param kvCacheGiB the KV cache (and any recurrent state) for every sequence at the full context;
 *     includes copies where an engine keeps one on each GPU (MLA under tensor parallelism)
 * @param activationsGiB the engine's working memory for a forward pass, every GPU together
 * @param overheadGiB CUDA context, libraries and memory the engine keeps free, every GPU together
 * @param totalGiB the sum of the four terms
 * @param perGpuGiB the need of one GPU
 * @param fits whether {@code perGpuGiB} is within one GPU's memory
 */
public record VramEstimate(
    double weightsGiB,
    double kvCacheGiB,
    double activationsGiB,
    double overheadGiB,
    double totalGiB,
    double perGpuGiB,
    boolean fits) {}
