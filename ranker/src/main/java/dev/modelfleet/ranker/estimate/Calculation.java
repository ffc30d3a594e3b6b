package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.Confidence;
import dev.modelfleet.ranker.model.KvCacheShape;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.quant.Quantization;
import dev.modelfleet.ranker.quant.QuantizationTable;

/**
 * Every number one estimate works out, kept so the explanation can be written from them later.
 * Filled in order by {@link VramEstimator} and {@link SpeedEstimator}; sizes in bytes, times in
 * seconds.
 */
final class Calculation {
  // Inputs.
  final EstimateRequest request;
  final ModelFacts facts;
  final ParameterCount parameters;
  final QuantizationTable.Resolved resolved;
  final Quantization quant;
  final Engine engine;
  final boolean engineChosen;
  final KvCacheDtype kvDtype;
  final KvCacheShape shape;
  final GpuTarget gpu;
  final int gpus;
  final int context;
  final int sequences;

  Calculation(
      EstimateRequest request,
      ParameterCount parameters,
      QuantizationTable.Resolved resolved,
      Engine engine,
      boolean engineChosen,
      KvCacheDtype kvDtype,
      KvCacheShape shape) {
    this.request = request;
    this.facts = request.model();
    this.parameters = parameters;
    this.resolved = resolved;
    this.quant = resolved.quantization();
    this.engine = engine;
    this.engineChosen = engineChosen;
    this.kvDtype = kvDtype;
    this.shape = shape;
    this.gpu = request.gpu();
    this.gpus = request.gpuCount();
    this.context = request.contextLength();
    this.sequences = request.concurrency();
  }

  // Weights.
  double embeddingParameters;

  /** Weights in GPU memory; without {@link #hostEmbeddingBytes}. */
  double weightBytes;

  /** The input embedding table llama.cpp and Ollama keep in host memory; 0 for other engines. */
  double hostEmbeddingBytes;

  // KV cache: one sequence, then one GPU's share of all sequences.
  double attentionKvBytesPerSequence;
  double stateBytesPerSequence;
  double stateBytesPerElement;
  double attentionShare;
  double stateShare;
  double kvBytesPerGpu;

  // Activations and overhead, per GPU, with the figures they come from.
  double activationBytesPerGpu;
  int batchedTokens;
  int sampledSequences;
  double mlpWidth;
  double forwardBytes;
  double samplerBytes;
  boolean ollamaFlashAttention;
  double contextBytesPerGpu;
  double reserveBytesPerGpu;
  int cudaGraphBatch;

  double overheadBytesPerGpu;
  double perGpuBytes;
  boolean fits;

  // Decode.
  double readWeightBytes;
  double readKvBytesPerGpu;
  double bandwidthTime;
  double fixedTime;
  double syncTime;
  double tokensPerSecond;
  double effectiveBandwidthGBps;
  int gpuLayers;
  boolean offloaded;
  Confidence confidence;
  boolean gpuByHand;
  boolean quantUnknown;
  boolean quantNotForEngine;
  boolean kvUnsupported;
  boolean contextBeyondModel;

  double memoryBytesPerGpu() {
    return gpu.memoryGiB() * Units.GIB;
  }

  /** Bytes of cache (KV and state) one GPU reads for one sequence at the full context. */
  double kvBytesPerSequencePerGpu() {
    return attentionKvBytesPerSequence * attentionShare + stateBytesPerSequence * stateShare;
  }
}
