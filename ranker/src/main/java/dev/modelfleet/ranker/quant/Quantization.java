package dev.modelfleet.ranker.quant;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One weight format as the quantization table knows it.
 *
 * @param canonical the name the table reports, e.g. "Q4_K_M", "AWQ-INT4-G128", "BF16"
 * @param family gguf, awq, gptq, fp8, int8, int4, bnb, mlx, fp4 or float
 * @param bitsPerWeight storage bits per weight including scales and zero points; for GGUF file
 *     types the whole-file average llama.cpp measured
 * @param engines engines that load the format as published: vllm, sglang, llama.cpp, ollama, mlx-lm
 * @param source public URL the bits per weight come from
 * @param layout how the format stores weights, from which {@code bitsPerWeight} follows; null when
 *     the entry gives none
 * @param quantizesEmbeddings true when token embeddings and the output head are stored at {@code
 *     bitsPerWeight} too; false when they stay 16-bit
 * @param kvCacheDtype KV cache element type engines pick by default for this format ("f16" for any
 *     2-byte float)
 * @param aliases other names for the format, matched case- and separator-insensitively
 * @param note where in the source the number is, and how it was derived
 */
public record Quantization(
    String canonical,
    String family,
    double bitsPerWeight,
    Set<String> engines,
    String source,
    StorageLayout layout,
    boolean quantizesEmbeddings,
    String kvCacheDtype,
    List<String> aliases,
    String note) {

  /**
   * Bits per weight of what a format leaves unquantized (token embeddings, output head): the fp16
   * or bf16 of the checkpoint it was made from.
   */
  public static final double UNQUANTIZED_BITS = 16.0;

  /** KV cache element type every engine defaults to: a 2-byte float (fp16 or bf16). */
  public static final String DEFAULT_KV_CACHE_DTYPE = "f16";

  /** Copies the collections so an entry stays immutable; engines keep their order. */
  public Quantization {
    engines =
        engines == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(engines));
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    kvCacheDtype = kvCacheDtype == null ? DEFAULT_KV_CACHE_DTYPE : kvCacheDtype;
  }

  /** An entry with only the essentials: every weight at {@code bitsPerWeight}, f16 KV cache. */
  public Quantization(
      String canonical, String family, double bitsPerWeight, Set<String> engines, String source) {
    this(
        canonical,
        family,
        bitsPerWeight,
        engines,
        source,
        null,
        true,
        DEFAULT_KV_CACHE_DTYPE,
        List.of(),
        null);
  }

  /** The storage layout, when the entry gives one. */
  public Optional<StorageLayout> storageLayout() {
    return Optional.ofNullable(layout);
  }

  /** Whether {@code engine} (vllm, sglang, llama.cpp, ollama, mlx-lm) loads this format. */
  public boolean runsOn(String engine) {
    return engine != null && engines.contains(engine.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Bytes the weights take in this format.
   *
   * @param parameters all parameters of the model
   * @param embeddingParameters the token embedding plus an untied output head, a part of {@code
   *     parameters}; counted at {@link #UNQUANTIZED_BITS} unless the format quantizes them
   */
  public double weightBytes(long parameters, long embeddingParameters) {
    if (parameters < 0 || embeddingParameters < 0 || embeddingParameters > parameters) {
      throw new IllegalArgumentException(
          "need 0 <= embeddingParameters <= parameters, got "
              + embeddingParameters
              + " of "
              + parameters);
    }
    double embeddingBits = quantizesEmbeddings ? bitsPerWeight : UNQUANTIZED_BITS;
    double bits =
        (double) (parameters - embeddingParameters) * bitsPerWeight
            + (double) embeddingParameters * embeddingBits;
    return bits / 8.0;
  }
}
