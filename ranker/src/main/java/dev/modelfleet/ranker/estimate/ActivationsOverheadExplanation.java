package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.count;
import static dev.modelfleet.ranker.estimate.ExplainFormat.gib;
import static dev.modelfleet.ranker.estimate.ExplainFormat.perGpu;

/** The sentences on activation memory and fixed per-GPU overhead. */
final class ActivationsOverheadExplanation {
  private ActivationsOverheadExplanation() {}

  static String activations(Calculation c) {
    String each = perGpu(c, c.activationBytesPerGpu);
    return switch (c.engine) {
      case VLLM ->
          "activations "
              + each
              + " (vLLM's profile run: "
              + count(c.batchedTokens)
              + " batched tokens through a "
              + count(Math.round(c.mlpWidth))
              + "-value MLP peak, "
              + gib(c.forwardBytes)
              + ", or logits and probabilities for "
              + count(c.sampledSequences)
              + " sequences x "
              + count(c.facts.vocabSize())
              + " vocab, "
              + gib(c.samplerBytes)
              + ", whichever is larger)";
      case SGLANG ->
          "activations "
              + each
              + " (SGLang reserves 1.5 MiB per token of its "
              + count(c.batchedTokens)
              + "-token prefill chunk)";
      case LLAMA_CPP ->
          "activations "
              + each
              + " (llama.cpp compute buffer with flash attention: fp32 logits and hidden state for a "
              + VramEstimator.GGML_UBATCH
              + "-token batch, "
              + count(c.facts.vocabSize())
              + " vocab)";
      case OLLAMA ->
          c.ollamaFlashAttention
              ? "activations "
                  + each
                  + " (Ollama's graph with flash attention: fp32 logits and hidden state for a "
                  + VramEstimator.GGML_UBATCH
                  + "-token batch)"
              : "activations "
                  + each
                  + " (Ollama's graph without flash attention: attention scores for a "
                  + VramEstimator.GGML_UBATCH
                  + "-token batch over "
                  + count((long) c.context * c.sequences)
                  + " tokens of context, or the logits, whichever is larger)";
    };
  }

  static String overhead(Calculation c) {
    String each = perGpu(c, c.overheadBytesPerGpu);
    return switch (c.engine) {
      case VLLM ->
          "overhead "
              + each
              + " ("
              + gib(c.contextBytesPerGpu)
              + " CUDA context, cuBLAS and NCCL outside PyTorch's allocator, and "
              + gib(c.reserveBytesPerGpu)
              + " vLLM leaves free at gpu-memory-utilization "
              + VramEstimator.VLLM_GPU_MEMORY_UTILIZATION
              + ")";
      case SGLANG ->
          "overhead "
              + each
              + " ("
              + gib(c.contextBytesPerGpu)
              + " CUDA context, cuBLAS and NCCL, and "
              + gib(c.reserveBytesPerGpu)
              + " more SGLang keeps out of mem-fraction-static: metadata, CUDA graphs up to batch "
              + c.cudaGraphBatch
              + (c.gpu.memoryGiB() > VramEstimator.SGLANG_RESERVE_FLOOR_ABOVE_GIB
                  ? ", with its 10 GiB minimum reserve on large GPUs)"
                  : ")");
      case LLAMA_CPP ->
          "overhead "
              + each
              + " ("
              + gib(c.contextBytesPerGpu)
              + " CUDA context and "
              + gib(c.reserveBytesPerGpu)
              + " llama.cpp keeps free when fitting layers to memory)";
      case OLLAMA -> "overhead " + each + " (the 457 MiB Ollama reserves per GPU for the context)";
    };
  }
}
