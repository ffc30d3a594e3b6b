package dev.modelfleet.ranker.model;

import java.util.List;

/**
 * Which kind each decoder layer is, in order, and the sliding window of the sliding layers.
 *
 * @param layers one entry per decoder layer
 * @param slidingWindow tokens a sliding-attention layer attends to; 0 when no layer slides
 */
public record AttentionLayout(List<LayerKind> layers, int slidingWindow) {

  /** Copies the list so a layout stays immutable. */
  public AttentionLayout {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }

  /** Every one of {@code numLayers} layers attends to the whole context. */
  public static AttentionLayout allFull(int numLayers) {
    return new AttentionLayout(
        java.util.Collections.nCopies(numLayers, LayerKind.FULL_ATTENTION), 0);
  }

  /** How many layers are of the given kind. */
  public int count(LayerKind kind) {
    return (int) layers.stream().filter(k -> k == kind).count();
  }

  /** Whether some layers slide or keep a recurrent state instead of full attention. */
  public boolean hasNonFullLayers() {
    return layers.stream().anyMatch(k -> k != LayerKind.FULL_ATTENTION);
  }

  /** A short description such as "62 layers: 52 sliding (window 1024), 10 full". */
  public String describe() {
    StringBuilder text = new StringBuilder(layers.size() + " layers: ");
    String separator = "";
    for (LayerKind kind : LayerKind.values()) {
      int n = count(kind);
      if (n == 0) {
        continue;
      }
      text.append(separator).append(n).append(' ').append(label(kind));
      if (kind == LayerKind.SLIDING_ATTENTION) {
        text.append(" (window ").append(slidingWindow).append(')');
      }
      separator = ", ";
    }
    return text.toString();
  }

  private static String label(LayerKind kind) {
    return switch (kind) {
      case FULL_ATTENTION -> "full attention";
      case SLIDING_ATTENTION -> "sliding attention";
      case LINEAR_ATTENTION -> "linear attention";
      case MAMBA -> "Mamba";
    };
  }
}
