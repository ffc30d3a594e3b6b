package dev.modelfleet.serving.workload;

import dev.modelfleet.ranker.quant.Quantization;
import dev.modelfleet.ranker.quant.QuantizationTable;
import dev.modelfleet.serving.ServingRequest;
import java.util.Optional;

/**
 * The request's quantization as the ranker's table knows it, and whether the checkpoint itself is
 * already in that format (read from the repo id) or the engine must quantize while loading.
 *
 * @param quantization the table's entry
 * @param inCheckpoint true when the repo id names a format of the same family, e.g.
 *     "Qwen/Qwen2.5-7B-Instruct-AWQ" for AWQ; the engine then reads it from the checkpoint's config
 */
public record RequestedQuantization(Quantization quantization, boolean inCheckpoint) {

  /** Family of the 16- and 32-bit float entries, which name a dtype rather than a quantization. */
  public static final String FLOAT_FAMILY = "float";

  /** The request's quantization; empty when it asks for the checkpoint's own precision. */
  public static Optional<RequestedQuantization> of(ServingRequest request) {
    if (request.quantization() == null) {
      return Optional.empty();
    }
    QuantizationTable table = QuantizationTable.bundled();
    Quantization entry = table.resolve(request.quantization()).quantization();
    String source =
        request.huggingFaceRepo() != null ? request.huggingFaceRepo() : request.ollamaTag();
    boolean inCheckpoint =
        QuantizationTable.fromRepoId(source)
            .map(table::resolve)
            .filter(QuantizationTable.Resolved::known)
            .map(resolved -> resolved.quantization().family().equals(entry.family()))
            .orElse(false);
    return Optional.of(new RequestedQuantization(entry, inCheckpoint));
  }

  /** The canonical name, e.g. AWQ-INT4-G128. */
  public String canonical() {
    return quantization.canonical();
  }

  /** The family, e.g. awq, gptq, fp8, bnb, float. */
  public String family() {
    return quantization.family();
  }

  /**
   * Throws unless {@code engine} loads this format, with a message naming the field and the engines
   * that do.
   */
  public void requireEngine(String engine, String engineLabel) {
    if (!quantization.runsOn(engine)) {
      throw new IllegalArgumentException(
          "quantization: "
              + engineLabel
              + " does not load "
              + canonical()
              + " (loaded by "
              + String.join(", ", quantization.engines())
              + "); pick another engine for this model or a quantization "
              + engineLabel
              + " loads");
    }
  }
}
