package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.Units.GB;

import dev.modelfleet.ranker.Confidence;

/**
 * Decode speed of one sequence, which is bound by memory bandwidth: every token reads the active
 * weights and the sequence's KV cache once. Time per token is those bytes over the bandwidth the
 * engine achieves, plus a fixed time per layer the engine spends on kernel launches and (with
 * tensor parallelism) on all-reduces. Each constant names where it comes from; docs/ranker.md shows
 * the arithmetic.
 */
final class SpeedEstimator {

  /**
   * Fraction of peak bandwidth a PyTorch engine with torch.compile and CUDA graphs reaches when
   * decoding one sequence: gpt-fast, the PyTorch team's reference for this, reports 1397.31 GB/s
   * for Llama-2-7B in bf16 on an A100-80GB (2039 GB/s peak), 0.685
   * (https://github.com/pytorch-labs/gpt-fast, README "Benchmarks"). vLLM and SGLang decode with
   * the same building blocks (CUDA graphs, fused kernels); no per-layer time is added for them, as
   * this fraction already includes it for a 32-layer model.
   */
  static final double TORCH_DECODE_EFFICIENCY = 1397.31 / 2039;

  /**
   * llama.cpp's decode as bandwidth efficiency plus a fixed time per layer, the two solved from two
   * llama-bench tg128 rows on one GPU in https://github.com/ggml-org/llama.cpp/pull/19053 (RTX 6000
   * Ada, 960 GB/s): Llama-3-8B Q4_0 at 168.87 t/s (4.355 GB read per token, 32 layers) and
   * Llama-3.2-3B Q4_K_M at 315.50 t/s (1.966 GB, 28 layers) give 0.955 and 36.7 us. Checked against
   * other published rows in docs/ranker.md. Ollama runs the same ggml kernels.
   */
  static final double GGML_DECODE_EFFICIENCY = 0.955;

  /** The ggml per-layer time at {@link #GGML_REFERENCE_CLOCK_MHZ}, solved as above. */
  static final double GGML_SECONDS_PER_LAYER = 36.7e-6;

  /**
   * Boost clock of the RTX 6000 Ada the per-layer time was solved on: NVIDIA's spec page gives 91.1
   * TFLOPS FP32 on 18,176 CUDA cores, 91.1e12 / (2 x 18,176) = 2505 MHz
   * (https://www.nvidia.com/en-us/design-visualization/rtx-6000/).
   *
   * <p>The per-layer time is not memory traffic: it is the small kernels of a decode step (norms,
   * RoPE, softmax, quantizing the activations, residual adds) and the gaps between kernels, each a
   * fixed chain of dependent steps that a few SMs run at the GPU's clock, however many SMs the GPU
   * has. So it is a number of cycles, 36.7 us x 2505 MHz = 91,900, and a GPU with a lower clock
   * takes longer: an A100 (1410 MHz) 65 us, an H100 PCIe (1755 MHz) 52 us. A GPU whose clock is not
   * known is assumed to run at this reference clock.
   */
  static final double GGML_REFERENCE_CLOCK_MHZ = 2505;

  /**
   * ggml's Metal backend on Apple silicon, solved the same way from two llama-bench tg128 rows on
   * one M2 Ultra (800 GB/s) in https://github.com/ggml-org/llama.cpp/pull/10238 (master column):
   * llama 3B F16 at 72.29 t/s (6.433 GB read per token, 28 layers) and llama 3B Q4_0 at 155.86 t/s
   * (1.872 GB) give 0.769 and 120.4 us. The rows name the model only as "llama 3B"; it is taken as
   * Llama 3.2 3B (28 layers), and OpenLLaMA 3B (26 layers), the other llama model llama.cpp calls
   * 3B, would give 0.79 and 128 us. Apple's GPU reaches a smaller share of its unified memory's
   * peak than a discrete GPU does of its own (0.955), and spends longer per layer. Apple states no
   * GPU clocks, so this per-layer time is not scaled by one.
   */
  static final double METAL_DECODE_EFFICIENCY = 0.769;

  static final double METAL_SECONDS_PER_LAYER = 120.4e-6;

  /**
   * Tensor parallelism adds two all-reduces per layer whose latency grows with the log of the
   * number of GPUs. gpt-fast's tensor-parallel table (Llama-2-7B and 70B on 2, 4 and 8 A100s, same
   * README) puts the added time at 29 to 82 us per layer per doubling, median 41; 20 us per
   * all-reduce per doubling is used.
   */
  static final double ALL_REDUCE_SECONDS_PER_DOUBLING = 20e-6;

  static final int ALL_REDUCES_PER_LAYER = 2;

  /**
   * Memory bandwidth of the host when llama.cpp or Ollama runs layers on the CPU: dual-channel
   * DDR5-5600, 2 channels x 8 bytes x 5600 MT/s = 89.6 GB/s (JEDEC JESD79-5 speed bin). Servers
   * with more channels are faster; this is the common workstation case, so offload speeds err low.
   */
  static final double CPU_BANDWIDTH_GBPS = 89.6;

  /**
   * Fraction of that a CPU decode reaches: llama.cpp on a DDR3 desktop read 16.6 GB/s per token
   * against 20.0 GB/s measured by a bandwidth test (0.83,
   * https://github.com/ggml-org/llama.cpp/issues/34), and such tests reach about three quarters of
   * the theoretical figure; 0.6 of theoretical.
   */
  static final double CPU_DECODE_EFFICIENCY = 0.6;

  private SpeedEstimator() {}

  static void estimate(Calculation c) {
    double headParameters = (double) c.facts.vocabSize() * c.facts.hiddenSize();
    double read = Math.max(0, c.parameters.activeReadPerToken());
    long readCount = Math.round(read);
    c.readWeightBytes =
        c.quant.weightBytes(readCount, Math.min(readCount, Math.round(headParameters)));
    c.readKvBytesPerGpu = c.kvBytesPerSequencePerGpu();
    c.confidence = confidence(c);

    int layers = Math.max(1, c.facts.numLayers());
    double bandwidth = c.gpu.bandwidthGBps() * GB;
    if (c.fits) {
      if (c.engine.splitsTensors()) {
        double perGpu = c.readWeightBytes / c.gpus + c.readKvBytesPerGpu;
        c.bandwidthTime = perGpu / (bandwidth * TORCH_DECODE_EFFICIENCY);
        c.syncTime = layers * syncSecondsPerLayer(c.gpus);
        c.fixedTime = 0;
      } else {
        // A layer split runs the GPUs one after another for one sequence: no bandwidth is added.
        double bytes = c.readWeightBytes + c.readKvBytesPerGpu * c.gpus;
        c.bandwidthTime = bytes / (bandwidth * ggmlEfficiency(c.gpu));
        c.fixedTime = layers * ggmlSecondsPerLayer(c.gpu);
      }
      finish(c, c.bandwidthTime + c.fixedTime + c.syncTime);
    } else if (c.engine.runsGgml()) {
      offload(c, layers, bandwidth);
    } else {
      c.tokensPerSecond = 0;
      c.effectiveBandwidthGBps = 0;
    }
  }

  /** Fraction of {@code gpu}'s peak bandwidth ggml's decode reaches: Metal's or CUDA's. */
  static double ggmlEfficiency(GpuTarget gpu) {
    return Estimator.isApple(gpu) ? METAL_DECODE_EFFICIENCY : GGML_DECODE_EFFICIENCY;
  }

  /**
   * ggml's fixed time per layer on {@code gpu}: Metal's on Apple silicon, otherwise the reference
   * time scaled by the clock.
   */
  static double ggmlSecondsPerLayer(GpuTarget gpu) {
    if (Estimator.isApple(gpu)) {
      return METAL_SECONDS_PER_LAYER;
    }
    double clock = gpu.clockMHz() > 0 ? gpu.clockMHz() : GGML_REFERENCE_CLOCK_MHZ;
    return GGML_SECONDS_PER_LAYER * GGML_REFERENCE_CLOCK_MHZ / clock;
  }

  /** Extra time per layer for all-reduces across {@code gpus} tensor-parallel GPUs. */
  static double syncSecondsPerLayer(int gpus) {
    if (gpus <= 1) {
      return 0;
    }
    double doublings = Math.log(gpus) / Math.log(2);
    return ALL_REDUCES_PER_LAYER * ALL_REDUCE_SECONDS_PER_DOUBLING * doublings;
  }

  /** Tokens per second for each of {@code batch} sequences decoding together. */
  static double perSequenceTokensPerSecond(Calculation c, int batch) {
    if (c.tokensPerSecond <= 0 || c.offloaded) {
      return 0;
    }
    double bandwidth = c.gpu.bandwidthGBps() * GB;
    double time;
    if (c.engine.splitsTensors()) {
      double perGpu = c.readWeightBytes / c.gpus + batch * c.readKvBytesPerGpu;
      time = perGpu / (bandwidth * TORCH_DECODE_EFFICIENCY) + c.syncTime;
    } else {
      double bytes = c.readWeightBytes + batch * c.readKvBytesPerGpu * c.gpus;
      time = bytes / (bandwidth * ggmlEfficiency(c.gpu)) + c.fixedTime;
    }
    return 1 / time;
  }

  /**
   * llama.cpp and Ollama keep as many whole layers on the GPUs as fit and run the rest on the CPU.
   */
  private static void offload(Calculation c, int layers, double bandwidth) {
    c.offloaded = true;
    c.confidence = Confidence.LOW;
    double roomPerGpu = c.memoryBytesPerGpu() - c.overheadBytesPerGpu - c.activationBytesPerGpu;
    double room = Math.max(0, roomPerGpu) * c.gpus;
    double perLayer = (c.weightBytes + c.kvBytesPerGpu * c.gpus) / layers;
    c.gpuLayers = (int) Math.max(0, Math.min(layers, Math.floor(room / perLayer)));
    double onGpu = (double) c.gpuLayers / layers;
    double bytes = c.readWeightBytes + c.readKvBytesPerGpu * c.gpus;
    c.bandwidthTime =
        onGpu * bytes / (bandwidth * ggmlEfficiency(c.gpu))
            + (1 - onGpu) * bytes / (CPU_BANDWIDTH_GBPS * GB * CPU_DECODE_EFFICIENCY);
    c.fixedTime = layers * ggmlSecondsPerLayer(c.gpu);
    finish(c, c.bandwidthTime + c.fixedTime);
  }

  private static void finish(Calculation c, double seconds) {
    c.tokensPerSecond = 1 / seconds;
    // Every GPU's reads together: with tensor parallelism a replicated MLA cache is read by each.
    double bytesRead = c.readWeightBytes + c.readKvBytesPerGpu * c.gpus;
    c.effectiveBandwidthGBps = bytesRead * c.tokensPerSecond / GB;
  }

  /**
   * HIGH for a catalog GPU, a known format the engine loads and a cache type it supports; one step
   * lower for each of these that does not hold, and for a context beyond the model's.
   */
  private static Confidence confidence(Calculation c) {
    c.gpuByHand = !c.gpu.fromCatalog();
    c.quantUnknown = !c.resolved.known();
    c.quantNotForEngine =
        !c.quantUnknown
            && !c.quant.engines().isEmpty()
            && !c.quant.engines().contains(c.engine.label());
    c.kvUnsupported = !c.kvDtype.supportedBy(c.engine);
    int max = c.facts.maxPositionEmbeddings();
    c.contextBeyondModel = max > 0 && c.context > max;
    int doubts =
        count(c.gpuByHand)
            + count(c.quantUnknown)
            + count(c.quantNotForEngine)
            + count(c.kvUnsupported)
            + count(c.contextBeyondModel);
    Confidence level =
        doubts == 0 ? Confidence.HIGH : doubts == 1 ? Confidence.MEDIUM : Confidence.LOW;
    return level;
  }

  private static int count(boolean doubt) {
    return doubt ? 1 : 0;
  }
}
