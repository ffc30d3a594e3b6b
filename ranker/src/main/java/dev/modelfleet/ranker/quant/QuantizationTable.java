package dev.modelfleet.ranker.quant;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Weight formats by the names people write for them. A name the table does not know resolves
 * conservatively: as unquantized 16-bit weights, so a fit is never over-promised.
 */
public final class QuantizationTable {
  /** Classpath location of the table shipped with ModelFleet. */
  public static final String BUNDLED_RESOURCE = "/modelfleet/quantization.json";

  /**
   * Bits per weight assumed for a name the table does not know: the checkpoint served unquantized
   * in 16 bits, the largest need a served model plausibly has (vLLM serves even fp32 checkpoints in
   * fp16). A smaller guess could place a model where it does not fit.
   */
  public static final double CONSERVATIVE_BITS_PER_WEIGHT = Quantization.UNQUANTIZED_BITS;

  /** What an absent quantization ("", "none") means: the BF16 most checkpoints are published in. */
  public static final String DEFAULT_CANONICAL = "BF16";

  /** Canonical name of the stand-in for an unknown quantization. */
  public static final String UNKNOWN_CANONICAL = "UNKNOWN";

  // Where the 16-bit assumption comes from: vLLM's --dtype auto serves fp32 and fp16 checkpoints in
  // fp16 and bf16 ones in bf16, so an unquantized model takes 16 bits per weight.
  private static final String CONSERVATIVE_SOURCE =
      "https://docs.vllm.ai/en/v0.8.5/serving/engine_args.html";

  private static final Quantization UNKNOWN =
      new Quantization(
          UNKNOWN_CANONICAL,
          "unknown",
          CONSERVATIVE_BITS_PER_WEIGHT,
          Set.of(),
          CONSERVATIVE_SOURCE,
          null,
          true,
          Quantization.DEFAULT_KV_CACHE_DTYPE,
          List.of(),
          "Stand-in for a name the table does not know: every weight at 16 bits.");

  private static final System.Logger LOG = System.getLogger(QuantizationTable.class.getName());

  private final List<Quantization> quantizations;
  private final List<String> warnings;
  private final Map<String, Quantization> byKey = new HashMap<>();

  /**
   * The result of looking a name up.
   *
   * @param quantization the entry, or the 16-bit stand-in when {@code known} is false
   * @param known whether the table knows the name
   * @param input the name as given
   * @param note what a reader should know: the assumption made, and how to fix an unknown name
   */
  public record Resolved(
      Quantization quantization, boolean known, String input, Optional<String> note) {

    /** The entry's canonical name. */
    public String canonical() {
      return quantization.canonical();
    }

    /**
     * The entry's bits per weight; {@link QuantizationTable#CONSERVATIVE_BITS_PER_WEIGHT} when
     * unknown.
     */
    public double bitsPerWeight() {
      return quantization.bitsPerWeight();
    }
  }

  private QuantizationTable(List<Quantization> quantizations, List<String> readWarnings) {
    List<String> found = new ArrayList<>(readWarnings);
    for (Quantization quantization : quantizations) {
      index(quantization.canonical(), quantization, found);
      quantization.aliases().forEach(alias -> index(alias, quantization, found));
    }
    this.quantizations = List.copyOf(quantizations);
    this.warnings = List.copyOf(found);
    this.warnings.forEach(w -> LOG.log(Level.WARNING, w));
  }

  /** The table shipped in the ranker jar, loaded once; empty with warnings if unreadable. */
  public static QuantizationTable bundled() {
    return Bundled.INSTANCE;
  }

  /** A table read from JSON; malformed input gives an empty table with warnings. */
  public static QuantizationTable fromJson(InputStream json) {
    if (json == null) {
      return new QuantizationTable(List.of(), List.of("quantization table input is missing"));
    }
    QuantizationReader.Result result = QuantizationReader.read(json);
    return new QuantizationTable(result.quantizations(), result.warnings());
  }

  /**
   * The entry a name means, matched case-insensitively and ignoring separators ("q4_k_m", "Q4-K-M",
   * "GGUF Q4_K_M", "awq", "GPTQ-Int8", "-FP8"). No name means {@link #DEFAULT_CANONICAL}; a repo id
   * ("Qwen/Qwen2.5-7B-Instruct-AWQ") is read for its suffix; anything else unknown comes back as 16
   * bits per weight with {@code known=false} and a note.
   */
  public Resolved resolve(String name) {
    String input = name == null ? "" : name;
    if (QuantizationName.isUnset(input)) {
      Quantization fallback = byKey.get(QuantizationName.key(DEFAULT_CANONICAL));
      String assumed =
          "no quantization named ('"
              + input.trim()
              + "'): assumed unquantized "
              + DEFAULT_CANONICAL
              + " weights, 16 bits each";
      if (fallback != null) {
        return new Resolved(fallback, true, input, Optional.of(assumed));
      }
      return unknown(input, assumed + "; the quantization table has no such entry");
    }
    Quantization direct = byKey.get(QuantizationName.key(input));
    if (direct != null) {
      return new Resolved(direct, true, input, Optional.empty());
    }
    if (input.contains("/") || input.contains(":")) {
      Optional<Quantization> fromRepo =
          QuantizationName.inRepoId(input).map(QuantizationName::key).map(byKey::get);
      if (fromRepo.isPresent()) {
        return new Resolved(
            fromRepo.get(),
            true,
            input,
            Optional.of(
                "read "
                    + fromRepo.get().canonical()
                    + " from the repository name '"
                    + input.trim()
                    + "'"));
      }
    }
    if (QuantizationName.isContainerOnly(input)) {
      return unknown(
          input,
          "'"
              + input.trim()
              + "' names the GGUF container, not a quantization: assumed "
              + CONSERVATIVE_BITS_PER_WEIGHT
              + " bits per weight. Name the file type instead, e.g. Q4_K_M or Q8_0.");
    }
    return unknown(
        input,
        "unknown quantization '"
            + input.trim()
            + "': assumed "
            + CONSERVATIVE_BITS_PER_WEIGHT
            + " bits per weight (unquantized) so memory is not under-estimated. Use a name from"
            + " docs/quantization.md (e.g. Q4_K_M, AWQ, GPTQ-Int4, FP8, BF16)"
            + (quantizations.isEmpty()
                ? "; the quantization table itself did not load: " + String.join("; ", warnings)
                : " or add an entry to the quantization table."));
  }

  /** Every entry, in file order. */
  public List<Quantization> all() {
    return quantizations;
  }

  /** Why entries, or the whole file, could not be used; empty when all is well. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The quantization a Hugging Face repo id or Ollama reference carries in its name, canonical
   * where the bundled table knows it: "Qwen/Qwen2.5-7B-Instruct-AWQ" gives AWQ-INT4-G128,
   * "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8" an FP8 entry, "...-GGUF:Q4_K_M" Q4_K_M. Empty when
   * the name carries none, as for "bartowski/Llama-3.2-1B-Instruct-GGUF".
   */
  public static Optional<String> fromRepoId(String repoId) {
    return QuantizationName.inRepoId(repoId)
        .map(
            name -> {
              Resolved resolved = bundled().resolve(name);
              return resolved.known() ? resolved.canonical() : name;
            });
  }

  private Resolved unknown(String input, String note) {
    return new Resolved(UNKNOWN, false, input, Optional.of(note));
  }

  private void index(String name, Quantization quantization, List<String> found) {
    String key = QuantizationName.key(name);
    if (key.isEmpty()) {
      found.add("'" + quantization.canonical() + "' has an alias with no letters or digits");
      return;
    }
    Quantization holder = byKey.putIfAbsent(key, quantization);
    if (holder != null && holder != quantization) {
      // First claim wins so lookups stay deterministic; the clash is a table bug to fix.
      found.add(
          "'"
              + name
              + "' names both '"
              + holder.canonical()
              + "' and '"
              + quantization.canonical()
              + "'; kept the first");
    }
  }

  private static QuantizationTable loadBundled() {
    try (InputStream json = QuantizationTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (json == null) {
        return new QuantizationTable(
            List.of(),
            List.of("quantization table " + BUNDLED_RESOURCE + " is not on the classpath"));
      }
      return fromJson(json);
    } catch (IOException e) {
      return new QuantizationTable(
          List.of(),
          List.of("quantization table " + BUNDLED_RESOURCE + " unreadable: " + e.getMessage()));
    }
  }

  // Holder idiom: loaded on first use, once, without locking on every call.
  private static final class Bundled {
    static final QuantizationTable INSTANCE = loadBundled();
  }
}
