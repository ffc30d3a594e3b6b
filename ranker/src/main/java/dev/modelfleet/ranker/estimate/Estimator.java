package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.Units.GIB;

import dev.modelfleet.ranker.model.KvCacheShape;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates the GPU memory a model needs and how fast it decodes, for one engine on one GPU kind.
 * Pure and thread-safe: no I/O per call, and the sentences explaining an estimate are only written
 * when read. See docs/ranker.md for the model and the source of every constant.
 */
public final class Estimator {
  // Names people write resolve to a handful of entries; cache them rather than re-normalise.
  private static final int MAX_CACHED_NAMES = 4096;

  // A ranking estimates the same few models against many GPUs; their cache shapes are kept, keyed
  // by the facts object itself (records compare deeply, which would cost more than the shape).
  private static final int MAX_CACHED_SHAPES = 4096;

  private final QuantizationTable table;
  private final Map<String, QuantizationTable.Resolved> resolvedNames = new ConcurrentHashMap<>();
  private final Map<SameFacts, KvCacheShape> shapes = new ConcurrentHashMap<>();

  /** A map key that is equal only to a key for the very same facts object. */
  private record SameFacts(ModelFacts facts) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SameFacts that && that.facts == facts;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(facts);
    }
  }

  /** An estimator over the bundled quantization table. */
  public Estimator() {
    this(QuantizationTable.bundled());
  }

  /** An estimator over another quantization table, e.g. in tests. */
  public Estimator(QuantizationTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * Estimates one request.
   *
   * @throws IllegalArgumentException when the request cannot describe a deployment: no model or
   *     GPU, a context, concurrency or GPU count below 1, or a KV cache type no engine uses
   */
  public Estimate estimate(EstimateRequest request) {
    Calculation c = calculate(request);
    VramEstimate vram =
        new VramEstimate(
            c.weightBytes / GIB,
            c.kvBytesPerGpu * c.gpus / GIB,
            c.activationBytesPerGpu * c.gpus / GIB,
            c.overheadBytesPerGpu * c.gpus / GIB,
            c.perGpuBytes * c.gpus / GIB,
            c.perGpuBytes / GIB,
            c.fits);
    SpeedEstimate speed =
        new SpeedEstimate(c.tokensPerSecond, c.effectiveBandwidthGBps, c.confidence);
    return new Estimate(c.facts.id(), c.resolved, vram, speed, Explanation.of(c));
  }

  private Calculation calculate(EstimateRequest request) {
    validate(request);
    ModelFacts facts = request.model();
    QuantizationTable.Resolved resolved = resolve(request.quant());
    boolean chosen = request.engine() == null;
    Engine engine = chosen ? defaultEngine(resolved, request.gpu()) : request.engine();
    KvCacheDtype defaultKv =
        KvCacheDtype.parse(resolved.quantization().kvCacheDtype(), KvCacheDtype.F16);
    KvCacheDtype kv = KvCacheDtype.parse(request.kvCacheDtype(), defaultKv);
    ParameterCount parameters = request.parameters();
    if (parameters == null) {
      parameters = facts.parameters() != null ? facts.parameters() : ParameterCounter.count(facts);
    }
    Calculation c =
        new Calculation(request, parameters, resolved, engine, chosen, kv, shape(facts));
    VramEstimator.estimate(c);
    SpeedEstimator.estimate(c);
    return c;
  }

  /** llama.cpp for GGUF file types and on Apple silicon (vLLM and SGLang need CUDA or ROCm). */
  private static Engine defaultEngine(QuantizationTable.Resolved resolved, GpuTarget gpu) {
    if (isApple(gpu)) {
      return Engine.LLAMA_CPP;
    }
    return Engine.defaultFor(resolved.quantization());
  }

  static boolean isApple(GpuTarget gpu) {
    return gpu.name().startsWith("Apple ");
  }

  private KvCacheShape shape(ModelFacts facts) {
    SameFacts key = new SameFacts(facts);
    KvCacheShape cached = shapes.get(key);
    if (cached != null) {
      return cached;
    }
    KvCacheShape shape = KvCacheShape.of(facts);
    if (shapes.size() >= MAX_CACHED_SHAPES) {
      shapes.clear();
    }
    shapes.putIfAbsent(key, shape);
    return shape;
  }

  private QuantizationTable.Resolved resolve(String name) {
    String key = name == null ? "" : name;
    QuantizationTable.Resolved cached = resolvedNames.get(key);
    if (cached != null) {
      return cached;
    }
    QuantizationTable.Resolved resolved = table.resolve(key);
    if (resolvedNames.size() < MAX_CACHED_NAMES) {
      resolvedNames.putIfAbsent(key, resolved);
    }
    return resolved;
  }

  private static void validate(EstimateRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("no estimate request");
    }
    if (request.model() == null) {
      throw new IllegalArgumentException("no model facts: pass a config.json");
    }
    if (request.gpu() == null) {
      throw new IllegalArgumentException("no GPU: name one, or give its memory and bandwidth");
    }
    if (request.contextLength() < 1) {
      throw new IllegalArgumentException(
          "context must be at least 1 token, was " + request.contextLength());
    }
    if (request.concurrency() < 1) {
      throw new IllegalArgumentException(
          "concurrency must be at least 1 sequence, was " + request.concurrency());
    }
    if (request.gpuCount() < 1) {
      throw new IllegalArgumentException("GPU count must be at least 1, was " + request.gpuCount());
    }
    if (request.batchedTokens() != null && request.batchedTokens() < 1) {
      throw new IllegalArgumentException(
          "batched tokens must be at least 1 token, was "
              + request.batchedTokens()
              + "; leave it out for the engine's default");
    }
    if (request.model().numLayers() < 1 || request.model().hiddenSize() < 1) {
      throw new IllegalArgumentException(
          "model facts for " + request.model().id() + " have no layers or no hidden size");
    }
  }
}
