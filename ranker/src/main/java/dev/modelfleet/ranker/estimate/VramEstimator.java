package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.Units.GIB;
import static dev.modelfleet.ranker.estimate.Units.MIB;

import dev.modelfleet.ranker.model.BlockDetails;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.MoeFacts;
import dev.modelfleet.ranker.quant.Quantization;
import java.util.Set;

/**
 * GPU memory for one model: weights, KV cache, the engine's activation working set and its fixed
 * overhead, per GPU. Each engine constant below names the file or page it comes from;
 * docs/ranker.md has the reasoning.
 */
final class VramEstimator {

  // ---- Overhead: memory outside weights, KV cache and activations.

  /**
   * Memory a PyTorch engine process holds outside PyTorch's allocator on one GPU with tensor
   * parallelism off: CUDA context, cuBLAS workspaces, NCCL. vLLM's own profiler logged 1.79 GiB
   * ("non_torch_memory") for Llama-3-8B on an H100
   * (https://github.com/vllm-project/vllm/pull/10511). SGLang runs the same PyTorch and NCCL stack.
   */
  static final double TORCH_NON_TORCH_BYTES = 1.79 * GIB;

  /**
   * The same with tensor parallelism: 3.58 GiB per GPU at TP=2 in the same log (NCCL buffers and
   * the custom all-reduce's). No public figure for larger TP; the TP=2 one is used.
   */
  static final double TORCH_NON_TORCH_TP_BYTES = 3.58 * GIB;

  /**
   * vLLM's default {@code --gpu-memory-utilization}: it plans weights, activations and KV cache
   * within 0.9 of the GPU and leaves the rest (CUDA graphs, fragmentation) free
   * (https://docs.vllm.ai/en/latest/configuration/engine_args.html).
   */
  static final double VLLM_GPU_MEMORY_UTILIZATION = 0.9;

  /**
   * Memory ggml engines lose per GPU to the CUDA or ROCm context before any allocation: Ollama
   * reserves 457 MiB per device for it ({@code MinimumMemory}, ml/device.go,
   * https://github.com/ollama/ollama/blob/main/ml/device.go).
   */
  static final double GGML_CONTEXT_BYTES = 457 * MIB;

  /**
   * llama.cpp fits unset parameters to free memory leaving a margin of 1024 MiB per device ({@code
   * fit_params_target}, common/common.h,
   * https://github.com/ggml-org/llama.cpp/blob/master/common/common.h); a model that needs more
   * than free memory minus the margin gets layers moved to the CPU.
   */
  static final double LLAMA_CPP_FIT_MARGIN_BYTES = 1024 * MIB;

  // ---- vLLM activations: the profile run's peak.

  /**
   * vLLM's scheduler defaults for the OpenAI server: 8192 batched tokens and 1024 sequences on GPUs
   * with at least 70 GiB that are not A100s, 2048 and 256 otherwise ({@code get_batch_defaults},
   * vllm/engine/arg_utils.py,
   * https://github.com/vllm-project/vllm/blob/main/vllm/engine/arg_utils.py). Its profile run
   * pushes that many tokens through the model and samples that many sequences, and the peak is what
   * it sets aside for activations. Older engines defaulted otherwise (vLLM 0.6 batched {@code
   * max(max_model_len, 2048)} tokens unless the context exceeded 32K, then chunks of 512), so the
   * step size can be given with the request ({@link EstimateRequest#batchedTokens()}).
   */
  static final int VLLM_LARGE_GPU_BATCHED_TOKENS = 8192;

  static final int VLLM_SMALL_GPU_BATCHED_TOKENS = 2048;
  static final int VLLM_LARGE_GPU_MAX_SEQS = 1024;
  static final int VLLM_SMALL_GPU_MAX_SEQS = 256;
  static final double VLLM_LARGE_GPU_MIN_GIB = 70;

  /** Activations are bf16 or fp16 in the PyTorch engines. */
  static final double ACTIVATION_BYTES = 2;

  /**
   * Hidden-size tensors alive per token at the MLP's peak: residual, normalised input, attention
   * output and the MLP output.
   */
  static final int RESIDUAL_COPIES = 4;

  /**
   * The sampler holds fp32 logits and the probabilities computed from them, both sequences x vocab
   * (vllm/v1/sample/sampler.py).
   */
  static final int SAMPLER_FP32_COPIES = 2;

  static final double FP32_BYTES = 4;

  // ---- SGLang: what it keeps out of mem_fraction_static, in MiB (server_args.py,
  // _handle_gpu_memory_settings,
  // https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/server_args.py).

  /** Constant metadata, e.g. of the attention backend. */
  static final double SGLANG_METADATA_MIB = 512;

  /** Activation reserve per token of a prefill chunk, at least 2048 tokens' worth. */
  static final double SGLANG_ACTIVATION_MIB_PER_TOKEN = 1.5;

  static final int SGLANG_MIN_ACTIVATION_TOKENS = 2048;

  /** CUDA graph memory per captured batch size. */
  static final double SGLANG_CUDA_GRAPH_MIB_PER_BATCH = 2;

  /** Extra per tensor-parallel rank: tp x pp / 8 x 1024 MiB. */
  static final double SGLANG_PARALLEL_MIB_PER_RANK = 1024.0 / 8;

  /** On GPUs with more than 60 GiB the reserve is at least 10 GiB. */
  static final double SGLANG_RESERVE_FLOOR_MIB = 10 * 1024;

  static final double SGLANG_RESERVE_FLOOR_ABOVE_GIB = 60;

  // ---- ggml compute buffers.

  /**
   * llama.cpp's default physical batch ({@code n_ubatch}, common/common.h) and Ollama's ({@code
   * NumBatch: 512}, api/types.go): the compute buffer is sized for that many tokens.
   */
  static final int GGML_UBATCH = 512;

  /**
   * ggml keeps activations in fp32. With flash attention (llama.cpp's default {@code --flash-attn
   * auto}) the largest tensors of the graph are the logits, ubatch x vocab, next to the hidden
   * state: a compute buffer of 4 x ubatch x (vocab + hidden) bytes, 258.5 MiB for Llama-3-8B.
   */
  static final double GGML_ACTIVATION_BYTES = 4;

  /**
   * Architectures Ollama runs with flash attention on by default ({@code FlashAttention()},
   * fs/ggml/ggml.go, https://github.com/ollama/ollama/blob/main/fs/ggml/ggml.go), by config.json
   * model_type. For the rest Ollama sizes its graph for the attention scores of the whole context
   * ({@code GraphSize}, same file): 4 x batch x max(1 + 4 x hidden + context x (1 + heads), hidden
   * + vocab).
   */
  static final Set<String> OLLAMA_FLASH_ATTENTION_MODEL_TYPES =
      Set.of(
          "qwen3",
          "qwen3_moe",
          "qwen3_next",
          "gemma3",
          "gemma3_text",
          "gpt_oss",
          "mistral3",
          "olmo3",
          "lfm2");

  /**
   * Recurrent state (Mamba, linear attention) element size: vLLM and SGLang keep it in the model's
   * dtype ({@code --mamba-ssm-cache-dtype auto}); llama.cpp always keeps it in f32, as Ollama notes
   * when sizing it ({@code GraphSize}, fs/ggml/ggml.go).
   */
  static final double TORCH_STATE_BYTES = 2;

  static final double GGML_STATE_BYTES = 4;

  private VramEstimator() {}

  static void estimate(Calculation c) {
    weights(c);
    kvCache(c);
    activations(c);
    overhead(c);
    c.perGpuBytes =
        c.weightBytes / c.gpus + c.kvBytesPerGpu + c.activationBytesPerGpu + c.overheadBytesPerGpu;
    // A thousandth of a GiB of slack so that a need equal to the memory, rounded, still fits.
    c.fits = c.perGpuBytes <= c.memoryBytesPerGpu() + 1e-3 * GIB;
  }

  private static void weights(Calculation c) {
    ModelFacts f = c.facts;
    double table = (double) f.vocabSize() * f.hiddenSize();
    double total = Math.max(0, c.parameters.total());
    c.embeddingParameters = Math.min(total, f.tieWordEmbeddings() ? table : 2 * table);
    c.weightBytes =
        c.quant.weightBytes(
            Math.round(total), Math.min(Math.round(total), Math.round(c.embeddingParameters)));
    if (c.engine.runsGgml() && !f.tieWordEmbeddings()) {
      // llama.cpp keeps the input embedding table in host memory and looks rows up on the CPU
      // (its load log shows it as the "CPU model buffer"); only the output head goes to the GPU.
      double bits =
          c.quant.quantizesEmbeddings() ? c.quant.bitsPerWeight() : Quantization.UNQUANTIZED_BITS;
      c.hostEmbeddingBytes = Math.min(table, total) * bits / 8;
      c.weightBytes -= c.hostEmbeddingBytes;
    }
  }

  private static void kvCache(Calculation c) {
    c.stateBytesPerElement = c.engine.splitsTensors() ? TORCH_STATE_BYTES : GGML_STATE_BYTES;
    c.attentionKvBytesPerSequence = c.shape.kvElements(c.context) * c.kvDtype.bytes();
    c.stateBytesPerSequence = c.shape.stateElementsPerSequence() * c.stateBytesPerElement;
    if (c.engine.splitsTensors()) {
      // Tensor parallelism splits KV heads; a GPU keeps at least one head, and MLA's latent is
      // shared by all heads, so every GPU keeps all of it (why SGLang added DP attention for
      // DeepSeek: https://lmsys.org/blog/2024-12-04-sglang-v0-4/).
      int kvHeads = Math.max(1, c.facts.numKeyValueHeads());
      c.attentionShare = c.shape.mla() ? 1.0 : Math.max(1.0 / c.gpus, 1.0 / kvHeads);
    } else {
      c.attentionShare = 1.0 / c.gpus;
    }
    c.stateShare = 1.0 / c.gpus;
    c.kvBytesPerGpu = c.sequences * c.kvBytesPerSequencePerGpu();
  }

  private static void activations(Calculation c) {
    ModelFacts f = c.facts;
    switch (c.engine) {
      case VLLM -> {
        boolean large =
            c.gpu.memoryGiB() >= VLLM_LARGE_GPU_MIN_GIB
                && !containsIgnoringCase(c.gpu.name(), "a100");
        c.batchedTokens =
            configuredOr(c, large ? VLLM_LARGE_GPU_BATCHED_TOKENS : VLLM_SMALL_GPU_BATCHED_TOKENS);
        c.sampledSequences =
            Math.min(large ? VLLM_LARGE_GPU_MAX_SEQS : VLLM_SMALL_GPU_MAX_SEQS, c.batchedTokens);
        c.mlpWidth = mlpWidth(f);
        c.forwardBytes =
            c.batchedTokens
                * ACTIVATION_BYTES
                * (RESIDUAL_COPIES * (double) f.hiddenSize() + c.mlpWidth);
        c.samplerBytes =
            c.sampledSequences * (double) f.vocabSize() * FP32_BYTES * SAMPLER_FP32_COPIES
                + c.batchedTokens * ACTIVATION_BYTES * f.hiddenSize();
        c.activationBytesPerGpu = Math.max(c.forwardBytes, c.samplerBytes);
      }
      case SGLANG -> {
        c.batchedTokens = configuredOr(c, sglangChunkedPrefill(c.gpu.memoryGiB()));
        c.activationBytesPerGpu =
            Math.max(c.batchedTokens, SGLANG_MIN_ACTIVATION_TOKENS)
                * SGLANG_ACTIVATION_MIB_PER_TOKEN
                * MIB;
      }
      case LLAMA_CPP -> c.activationBytesPerGpu = ggmlFlashAttentionBuffer(f);
      case OLLAMA -> {
        c.ollamaFlashAttention =
            f.modelType() != null && OLLAMA_FLASH_ATTENTION_MODEL_TYPES.contains(f.modelType());
        if (c.ollamaFlashAttention) {
          c.activationBytesPerGpu = ggmlFlashAttentionBuffer(f);
        } else {
          double contextTokens = (double) c.context * c.sequences;
          double scores = 1 + 4.0 * f.hiddenSize() + contextTokens * (1 + f.numAttentionHeads());
          double logits = (double) f.hiddenSize() + f.vocabSize();
          c.activationBytesPerGpu = GGML_ACTIVATION_BYTES * GGML_UBATCH * Math.max(scores, logits);
        }
      }
    }
  }

  private static void overhead(Calculation c) {
    double memory = c.memoryBytesPerGpu();
    switch (c.engine) {
      case VLLM -> {
        c.contextBytesPerGpu = c.gpus > 1 ? TORCH_NON_TORCH_TP_BYTES : TORCH_NON_TORCH_BYTES;
        c.reserveBytesPerGpu = (1 - VLLM_GPU_MEMORY_UTILIZATION) * memory;
      }
      case SGLANG -> {
        c.contextBytesPerGpu = c.gpus > 1 ? TORCH_NON_TORCH_TP_BYTES : TORCH_NON_TORCH_BYTES;
        double memoryMib = c.gpu.memoryGiB() * 1024;
        c.cudaGraphBatch = sglangCudaGraphMaxBatch(c.gpu.memoryGiB(), c.gpus);
        double activationMib = c.activationBytesPerGpu / MIB;
        double reservedMib =
            SGLANG_METADATA_MIB
                + activationMib
                + c.cudaGraphBatch * SGLANG_CUDA_GRAPH_MIB_PER_BATCH
                + c.gpus * SGLANG_PARALLEL_MIB_PER_RANK;
        if (memoryMib > SGLANG_RESERVE_FLOOR_ABOVE_GIB * 1024) {
          reservedMib = Math.max(reservedMib, SGLANG_RESERVE_FLOOR_MIB);
        }
        c.reserveBytesPerGpu = (reservedMib - activationMib) * MIB;
      }
      case LLAMA_CPP -> {
        c.contextBytesPerGpu = GGML_CONTEXT_BYTES;
        c.reserveBytesPerGpu = LLAMA_CPP_FIT_MARGIN_BYTES;
      }
      case OLLAMA -> {
        c.contextBytesPerGpu = GGML_CONTEXT_BYTES;
        c.reserveBytesPerGpu = 0;
      }
    }
    c.overheadBytesPerGpu = c.contextBytesPerGpu + c.reserveBytesPerGpu;
  }

  /** The step size the request configures, else the engine's default. */
  private static int configuredOr(Calculation c, int engineDefault) {
    Integer configured = c.request.batchedTokens();
    return configured != null ? configured : engineDefault;
  }

  private static boolean containsIgnoringCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  /** SGLang's default {@code chunked_prefill_size} by GPU memory. */
  static int sglangChunkedPrefill(double memoryGiB) {
    if (memoryGiB < 35) {
      return 2048;
    }
    if (memoryGiB < 60) {
      return 4096;
    }
    if (memoryGiB < 160) {
      return 8192;
    }
    return 16384;
  }

  /** SGLang's default {@code cuda_graph_max_bs} by GPU memory and tensor-parallel size. */
  static int sglangCudaGraphMaxBatch(double memoryGiB, int tp) {
    if (memoryGiB < 35) {
      return tp < 4 ? 24 : 80;
    }
    if (memoryGiB < 60) {
      return tp < 4 ? 32 : 160;
    }
    if (memoryGiB < 160) {
      return tp < 4 ? 256 : 512;
    }
    return 512;
  }

  /** llama.cpp's compute buffer with flash attention: fp32 logits and hidden state per token. */
  private static double ggmlFlashAttentionBuffer(ModelFacts f) {
    return GGML_ACTIVATION_BYTES * GGML_UBATCH * ((double) f.vocabSize() + f.hiddenSize());
  }

  /**
   * Values per token the MLP holds at its widest: gate and up outputs plus the activation (3 x
   * intermediate when gated); for MoE, vLLM's fused-MoE caches for each routed expert (gate/up,
   * activation and the expert's output) plus the shared experts. Attention's q, k, v and output
   * when wider.
   */
  static double mlpWidth(ModelFacts f) {
    BlockDetails block = f.block();
    int perWidth = block.gatedMlp() ? 3 : 2;
    double width = 0;
    MoeFacts moe = f.hasMoe() ? f.moe() : null;
    if (moe == null || !moe.denseLayers().isEmpty()) {
      width = perWidth * (double) f.intermediateSize();
    }
    if (moe != null) {
      double routed =
          Math.min(moe.numExpertsPerToken(), moe.numExperts())
              * (perWidth * (double) moe.expertIntermediateSize() + f.hiddenSize());
      double shared =
          moe.numSharedExperts() * perWidth * (double) moe.sharedExpertIntermediateSize();
      width = Math.max(width, routed + shared);
    }
    double attention =
        ((double) f.numAttentionHeads() * 2 + 2.0 * f.numKeyValueHeads()) * f.headDim();
    return Math.max(width, attention);
  }
}
