package dev.modelfleet.ranker.estimate;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * KV cache element types, with the bytes each element takes. The ggml block types store a 2-byte
 * scale per block of 32 values, as gguf-py's GGML_QUANT_SIZES gives them
 * (https://github.com/ggml-org/llama.cpp/blob/master/gguf-py/gguf/constants.py): Q8_0 is 34 bytes
 * per 32 values, Q4_0 18, Q4_1 20, Q5_0 22, Q5_1 24, IQ4_NL 18.
 */
enum KvCacheDtype {
  F16("f16", 2.0),
  FP8("fp8", 1.0),
  F32("f32", 4.0),
  Q8_0("q8_0", 34.0 / 32),
  Q4_0("q4_0", 18.0 / 32),
  Q4_1("q4_1", 20.0 / 32),
  Q5_0("q5_0", 22.0 / 32),
  Q5_1("q5_1", 24.0 / 32),
  IQ4_NL("iq4_nl", 18.0 / 32);

  // vLLM's --kv-cache-dtype takes auto, fp8, fp8_e4m3, fp8_e5m2
  // (https://docs.vllm.ai/en/latest/features/quantization/quantized_kvcache/); SGLang's the same.
  private static final Set<KvCacheDtype> TORCH_ENGINES = EnumSet.of(F16, FP8);
  // llama.cpp's --cache-type-k/-v: f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1
  // (https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md).
  private static final Set<KvCacheDtype> LLAMA_CPP =
      EnumSet.of(F16, F32, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, IQ4_NL);
  // OLLAMA_KV_CACHE_TYPE: f16, q8_0, q4_0 (https://github.com/ollama/ollama/blob/main/docs/faq.md).
  private static final Set<KvCacheDtype> OLLAMA = EnumSet.of(F16, Q8_0, Q4_0);

  private final String label;
  private final double bytes;

  KvCacheDtype(String label, double bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  String label() {
    return label;
  }

  /** Bytes per cached element, block scales included. */
  double bytes() {
    return bytes;
  }

  /** Whether {@code engine} accepts this cache type. */
  boolean supportedBy(Engine engine) {
    return switch (engine) {
      case VLLM, SGLANG -> TORCH_ENGINES.contains(this);
      case LLAMA_CPP -> LLAMA_CPP.contains(this);
      case OLLAMA -> OLLAMA.contains(this);
    };
  }

  /**
   * The type a name means; null or blank means {@code fallback}.
   *
   * @throws IllegalArgumentException for a name no engine uses
   */
  static KvCacheDtype parse(String name, KvCacheDtype fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    // The names are lower case already nearly always; only lower-case (and allocate) when not.
    KvCacheDtype exact = byName(name);
    if (exact != null) {
      return exact;
    }
    KvCacheDtype lowered = byName(name.trim().toLowerCase(Locale.ROOT));
    if (lowered != null) {
      return lowered;
    }
    throw new IllegalArgumentException(
        "unknown KV cache type '"
            + name.trim()
            + "': use f16, fp8 (vLLM, SGLang) or q8_0, q4_0 (llama.cpp, Ollama)");
  }

  private static KvCacheDtype byName(String name) {
    switch (name) {
      case "f16":
      case "fp16":
      case "float16":
      case "half":
      case "bf16":
      case "bfloat16":
      case "auto":
        return F16;
      case "fp8":
      case "f8":
      case "float8":
      case "fp8_e4m3":
      case "fp8_e5m2":
        return FP8;
      case "f32":
      case "fp32":
      case "float32":
        return F32;
      case "q8_0":
        return Q8_0;
      case "q4_0":
        return Q4_0;
      case "q4_1":
        return Q4_1;
      case "q5_0":
        return Q5_0;
      case "q5_1":
        return Q5_1;
      case "iq4_nl":
        return IQ4_NL;
      default:
        return null;
    }
  }
}
