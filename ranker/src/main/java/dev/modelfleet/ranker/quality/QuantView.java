package dev.modelfleet.ranker.quality;

import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.Optional;

/**
 * A quantization as the quality score compares it: its canonical name and bits per weight from the
 * bundled quantization table.
 *
 * @param canonical the table's name, or the input when the table does not know it
 * @param bitsPerWeight storage bits per weight; 16 for a name the table does not know
 * @param known whether the table knows the name
 * @param assumed true when no quantization was named and the release checkpoint was assumed
 */
record QuantView(String canonical, double bitsPerWeight, boolean known, boolean assumed) {

  /** The quantization named, else the one the model id carries, else the release checkpoint. */
  static QuantView of(String quant, String modelId) {
    QuantizationTable table = QuantizationTable.bundled();
    if (quant != null && !quant.isBlank()) {
      QuantizationTable.Resolved resolved = table.resolve(quant);
      String name = resolved.known() ? resolved.canonical() : quant.trim();
      return new QuantView(name, resolved.bitsPerWeight(), resolved.known(), false);
    }
    Optional<String> fromId = QuantizationTable.fromRepoId(modelId == null ? "" : modelId);
    if (fromId.isPresent()) {
      QuantizationTable.Resolved resolved = table.resolve(fromId.get());
      String name = resolved.known() ? resolved.canonical() : fromId.get();
      return new QuantView(name, resolved.bitsPerWeight(), resolved.known(), false);
    }
    QuantizationTable.Resolved release = table.resolve("");
    return new QuantView(
        release.known() ? release.canonical() : QuantizationTable.DEFAULT_CANONICAL,
        release.bitsPerWeight(),
        release.known(),
        true);
  }

  /** Whether two views name the same format. */
  boolean sameAs(QuantView other) {
    return canonical.equalsIgnoreCase(other.canonical);
  }

  /** How many halvings or doublings of bits per weight separate the two. */
  double octavesFrom(QuantView other) {
    return Math.abs(Math.log(bitsPerWeight / other.bitsPerWeight) / Math.log(2.0));
  }
}
