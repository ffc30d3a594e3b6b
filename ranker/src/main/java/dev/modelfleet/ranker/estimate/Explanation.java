package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.Units.GB;
import static dev.modelfleet.ranker.estimate.Units.GIB;
import static dev.modelfleet.ranker.estimate.Units.KIB;

import dev.modelfleet.ranker.model.KvCacheShape;
import dev.modelfleet.ranker.model.LayerKind;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * The sentences behind an estimate, written on first read: a ranking of thousands of candidates
 * reads only the few it shows.
 */
final class Explanation extends AbstractList<String> implements RandomAccess {
  private final Calculation c;
  private volatile List<String> lines;

  private Explanation(Calculation c) {
    this.c = c;
  }

  static List<String> of(Calculation c) {
    return new Explanation(c);
  }

  @Override
  public String get(int index) {
    return lines().get(index);
  }

  @Override
  public int size() {
    return lines().size();
  }

  private List<String> lines() {
    List<String> written = lines;
    if (written == null) {
      // Writing twice from two threads gives equal lists, so no lock is needed.
      written = List.copyOf(write(c));
      lines = written;
    }
    return written;
  }

  private static List<String> write(Calculation c) {
    List<String> out = new ArrayList<>(10);
    out.add(weights(c));
    out.add(kvCache(c));
    out.add(activations(c));
    out.add(overhead(c));
    out.add(fit(c));
    out.add(speed(c));
    if (c.sequences > 1 && c.tokensPerSecond > 0 && !c.offloaded) {
      double each = SpeedEstimator.perSequenceTokensPerSecond(c, c.sequences);
      out.add(
          String.format(
              Locale.ROOT,
              "with %d sequences at once: about %s tok/s each, %s tok/s in total"
                  + " (memory-bound; large batches turn compute-bound, so the total is an upper"
                  + " bound)",
              c.sequences,
              decimal(each),
              decimal(each * c.sequences)));
    }
    notes(c, out);
    return out;
  }

  private static String weights(Calculation c) {
    StringBuilder s = new StringBuilder("weights ").append(gib(c.weightBytes)).append(" (");
    s.append(billions(c.parameters.total())).append(" params");
    if (c.facts.hasMoe()) {
      s.append(", every expert resident");
    }
    s.append(" at ")
        .append(c.quant.canonical())
        .append(", ")
        .append(String.format(Locale.ROOT, "%.2f", c.quant.bitsPerWeight()))
        .append(" bits/weight");
    if (!c.quant.quantizesEmbeddings()) {
      s.append("; the ")
          .append(billions(c.embeddingParameters))
          .append(" embedding and output-head params stay at 16 bits");
    }
    if (c.facts.hasMoe()) {
      s.append("; ").append(billions(c.parameters.active())).append(" active per token");
    }
    if (c.hostEmbeddingBytes > 0) {
      s.append("; without the ")
          .append(gib(c.hostEmbeddingBytes))
          .append(" input embedding table, which ")
          .append(c.engine.label())
          .append(" keeps in host memory");
    }
    if (c.gpus > 1) {
      s.append("; ")
          .append(gib(c.weightBytes / c.gpus))
          .append(" on each of ")
          .append(c.gpus)
          .append(" GPUs");
    }
    return s.append(')').toString();
  }

  private static String kvCache(Calculation c) {
    KvCacheShape shape = c.shape;
    double kvAll = c.kvBytesPerGpu * c.gpus;
    StringBuilder s =
        new StringBuilder("KV cache ")
            .append(gib(kvAll))
            .append(" for ")
            .append(c.sequences)
            .append(c.sequences == 1 ? " sequence" : " sequences")
            .append(" x ")
            .append(count(c.context))
            .append(" tokens: ");
    String dtype = c.kvDtype.label() + ", " + trim(c.kvDtype.bytes()) + " bytes per value";
    if (shape.mla()) {
      s.append(shape.fullAttentionLayers() + shape.slidingAttentionLayers())
          .append(" layers x a ")
          .append(shape.elementsPerTokenPerLayer())
          .append("-value MLA latent (")
          .append(dtype)
          .append(')');
    } else {
      s.append(shape.fullAttentionLayers())
          .append(" full-attention layers x 2 x ")
          .append(c.facts.numKeyValueHeads())
          .append(" KV heads x ")
          .append(c.facts.headDim())
          .append(" dims (")
          .append(dtype)
          .append(')');
    }
    double perToken = shape.elementsPerToken() * c.kvDtype.bytes();
    s.append(" = ").append(kib(perToken)).append(" per token");
    if (shape.slidingAttentionLayers() > 0 && !shape.mla()) {
      s.append(", plus ")
          .append(shape.slidingAttentionLayers())
          .append(" sliding-window layers capped at ")
          .append(count(shape.slidingWindow()))
          .append(" tokens");
    }
    if (shape.stateLayers() > 0) {
      s.append(", plus a fixed ")
          .append(mib(c.stateBytesPerSequence))
          .append(" per sequence for ")
          .append(shape.stateLayers())
          .append(' ')
          .append(stateLayerName(c))
          .append(" layers (")
          .append(c.stateBytesPerElement == VramEstimator.GGML_STATE_BYTES ? "f32" : "16-bit")
          .append(')');
    }
    if (c.gpus > 1) {
      if (c.engine.splitsTensors() && shape.mla()) {
        s.append("; the latent is shared by all heads, so each of the ")
            .append(c.gpus)
            .append(" GPUs keeps all of it");
      } else if (c.engine.splitsTensors() && c.attentionShare > 1.0 / c.gpus + 1e-12) {
        s.append("; ")
            .append(c.facts.numKeyValueHeads())
            .append(" KV heads over ")
            .append(c.gpus)
            .append(" GPUs, so heads are copied: ")
            .append(gib(c.kvBytesPerGpu))
            .append(" per GPU");
      } else {
        s.append("; ")
            .append(gib(c.kvBytesPerGpu))
            .append(" on each of ")
            .append(c.gpus)
            .append(" GPUs");
      }
    }
    return s.toString();
  }

  private static String stateLayerName(Calculation c) {
    boolean linear = c.facts.attention().count(LayerKind.LINEAR_ATTENTION) > 0;
    boolean mamba = c.facts.attention().count(LayerKind.MAMBA) > 0;
    if (linear && mamba) {
      return "linear-attention and Mamba";
    }
    return mamba ? "Mamba" : "linear-attention";
  }

  private static String activations(Calculation c) {
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

  private static String overhead(Calculation c) {
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

  private static String fit(Calculation c) {
    String need = gib(c.perGpuBytes);
    String has = gibWhole(c.gpu.memoryGiB());
    StringBuilder s = new StringBuilder(c.fits ? "fits: needs " : "won't fit: needs ");
    if (c.gpus == 1) {
      s.append(need).append(", the GPU has ").append(has);
    } else {
      s.append(need).append(" on each of ").append(c.gpus).append(" GPUs, each has ").append(has);
    }
    if (!c.fits && c.engine.splitsTensors()) {
      double withoutKv = c.perGpuBytes - c.kvBytesPerGpu;
      double perSequence = c.kvBytesPerSequencePerGpu();
      double room = c.memoryBytesPerGpu() - withoutKv;
      if (room <= 0) {
        s.append("; the weights and fixed overhead alone need ").append(gib(withoutKv));
      } else if (perSequence > 0) {
        long sequences = (long) Math.floor(room / perSequence);
        s.append("; ")
            .append(
                sequences == 0
                    ? "not one sequence"
                    : sequences + " of the " + c.sequences + " sequences")
            .append(" at this context would fit");
      }
    }
    return s.toString();
  }

  private static String speed(Calculation c) {
    if (c.tokensPerSecond <= 0) {
      return "no decode speed: "
          + c.engine.label()
          + " keeps the whole model on the GPUs and does not offload to the CPU by default";
    }
    double kvRead = c.readKvBytesPerGpu * c.gpus;
    StringBuilder s =
        new StringBuilder("decode ")
            .append(decimal(c.tokensPerSecond))
            .append(" tok/s for one sequence at ")
            .append(count(c.context))
            .append(" tokens of context: each token reads ")
            .append(gb(c.readWeightBytes + kvRead))
            .append(" (weights ")
            .append(gb(c.readWeightBytes));
    if (c.facts.hasMoe()) {
      s.append(", active experts only");
    }
    s.append(", KV cache ").append(gb(kvRead)).append(')');
    if (c.offloaded) {
      int layers = Math.max(1, c.facts.numLayers());
      s.append("; it does not fit, so ")
          .append(c.engine.label())
          .append(" keeps ")
          .append(c.gpuLayers)
          .append(" of ")
          .append(layers)
          .append(" layers on the GPU and runs ")
          .append(layers - c.gpuLayers)
          .append(" on the CPU at ")
          .append(decimal(SpeedEstimator.CPU_BANDWIDTH_GBPS))
          .append(" GB/s x ")
          .append(SpeedEstimator.CPU_DECODE_EFFICIENCY);
      return s.toString();
    }
    if (c.engine.splitsTensors()) {
      s.append(" at ")
          .append(c.gpus > 1 ? c.gpus + " x " : "")
          .append(decimal(c.gpu.bandwidthGBps()))
          .append(" GB/s x ")
          .append(String.format(Locale.ROOT, "%.3f", SpeedEstimator.TORCH_DECODE_EFFICIENCY))
          .append(" (")
          .append(c.engine.label())
          .append(" decode efficiency)");
      if (c.gpus > 1) {
        s.append(", plus ")
            .append(millis(c.syncTime))
            .append(" per token for two all-reduces per layer across ")
            .append(c.gpus)
            .append(" GPUs");
      }
    } else {
      s.append(" at ")
          .append(decimal(c.gpu.bandwidthGBps()))
          .append(" GB/s x ")
          .append(SpeedEstimator.GGML_DECODE_EFFICIENCY)
          .append(", plus ")
          .append(millis(c.fixedTime))
          .append(" per token of fixed per-layer time");
      if (c.gpus > 1) {
        s.append("; the ").append(c.gpus).append(" GPUs hold different layers and take turns");
      }
    }
    s.append(": ").append(decimal(c.effectiveBandwidthGBps)).append(" GB/s effective");
    return s.toString();
  }

  private static void notes(Calculation c, List<String> out) {
    c.resolved.note().ifPresent(out::add);
    if (c.engineChosen) {
      out.add(
          "engine "
              + c.engine.label()
              + ", chosen for "
              + (Estimator.isApple(c.gpu) ? c.gpu.name() : c.quant.canonical())
              + "; name one to compare");
    }
    if (c.quantNotForEngine) {
      out.add(
          c.quant.canonical()
              + " is not a format "
              + c.engine.label()
              + " loads as published (it runs on "
              + String.join(", ", c.quant.engines())
              + ")");
    }
    if (c.engine.splitsTensors() && Estimator.isApple(c.gpu)) {
      out.add(c.engine.label() + " does not run on Apple silicon; llama.cpp and Ollama do");
    }
    if (c.kvUnsupported) {
      out.add(
          c.engine.label()
              + " has no "
              + c.kvDtype.label()
              + " KV cache type; the estimate uses its size anyway");
    }
    if (c.contextBeyondModel) {
      out.add(
          "the context of "
              + count(c.context)
              + " tokens is beyond the "
              + count(c.facts.maxPositionEmbeddings())
              + " the model declares");
    }
    if (c.engine.splitsTensors() && c.gpus > 1 && c.facts.numAttentionHeads() % c.gpus != 0) {
      out.add(
          c.engine.label()
              + " needs the "
              + c.facts.numAttentionHeads()
              + " attention heads to divide evenly over "
              + c.gpus
              + " GPUs");
    }
    out.add("confidence " + c.confidence.label() + confidenceReason(c));
  }

  private static String confidenceReason(Calculation c) {
    List<String> why = new ArrayList<>();
    if (c.gpuByHand) {
      why.add("GPU memory and bandwidth given by hand, not from the catalog");
    }
    if (c.quantUnknown) {
      why.add("unknown quantization, sized as 16-bit");
    }
    if (c.quantNotForEngine) {
      why.add("format and engine do not match");
    }
    if (c.kvUnsupported) {
      why.add("KV cache type the engine lacks");
    }
    if (c.contextBeyondModel) {
      why.add("context beyond the model's");
    }
    if (c.offloaded) {
      why.add("layers run on the CPU at an assumed host memory bandwidth");
    }
    if (why.isEmpty()) {
      return ": catalog GPU, known format, architecture from config.json";
    }
    return ": " + String.join("; ", why);
  }

  private static String perGpu(Calculation c, double bytes) {
    return c.gpus == 1 ? gib(bytes) : gib(bytes) + " on each of " + c.gpus + " GPUs";
  }

  static String gib(double bytes) {
    double v = bytes / GIB;
    return (v != 0 && Math.abs(v) < 1
            ? String.format(Locale.ROOT, "%.2f", v)
            : String.format(Locale.ROOT, "%.1f", v))
        + " GiB";
  }

  private static String gibWhole(double gib) {
    return trim(gib) + " GiB";
  }

  private static String mib(double bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
  }

  private static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / KIB);
  }

  private static String gb(double bytes) {
    double v = bytes / GB;
    return String.format(Locale.ROOT, v < 1 ? "%.2f GB" : "%.1f GB", v);
  }

  private static String millis(double seconds) {
    return String.format(Locale.ROOT, "%.2f ms", seconds * 1000);
  }

  private static String billions(double count) {
    double b = count / 1e9;
    return String.format(Locale.ROOT, b >= 100 ? "%.0fB" : "%.2fB", b);
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v);
  }

  private static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
