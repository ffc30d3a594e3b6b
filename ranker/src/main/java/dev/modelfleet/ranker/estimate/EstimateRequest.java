package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;

/**
 * What to estimate: one model, in one weight format, at one context length and concurrency, served
 * by one engine on {@code gpuCount} GPUs of one kind.
 *
 * @param model the architecture, from {@code config.json}
 * @param parameters the parameter count; null to use the one in {@code model}
 * @param quant the weight format as people write it ("Q4_K_M", "awq", "fp8", "bf16"); null or blank
 *     for the unquantized checkpoint
 * @param contextLength tokens of context each sequence keeps (prompt and output), at least 1
 * @param concurrency sequences served at once, each at the full context, at least 1
 * @param gpu the GPU kind
 * @param gpuCount GPUs the model is spread over, at least 1 (tensor parallelism for vLLM and
 *     SGLang, a layer split for llama.cpp and Ollama)
 * @param engine the engine; null to choose one for the format ({@link Engine#defaultFor})
 * @param kvCacheDtype KV cache element type (f16, fp8, q8_0, q4_0, ...); null or blank for the
 *     engine's default, a 2-byte float
 * @param batchedTokens tokens the engine pushes through the model in one step, which sizes its
 *     activation reserve (vLLM's {@code --max-num-batched-tokens}, SGLang's {@code
 *     --chunked-prefill-size}); null for the engine's default on this GPU. Ignored by llama.cpp and
 *     Ollama.
 */
public record EstimateRequest(
    ModelFacts model,
    ParameterCount parameters,
    String quant,
    int contextLength,
    int concurrency,
    GpuTarget gpu,
    int gpuCount,
    Engine engine,
    String kvCacheDtype,
    Integer batchedTokens) {

  /** A request with the engine's default step size. */
  public EstimateRequest(
      ModelFacts model,
      ParameterCount parameters,
      String quant,
      int contextLength,
      int concurrency,
      GpuTarget gpu,
      int gpuCount,
      Engine engine,
      String kvCacheDtype) {
    this(
        model,
        parameters,
        quant,
        contextLength,
        concurrency,
        gpu,
        gpuCount,
        engine,
        kvCacheDtype,
        null);
  }
}
