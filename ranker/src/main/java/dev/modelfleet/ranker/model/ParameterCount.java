package dev.modelfleet.ranker.model;

/**
 * Parameter counts, as absolute numbers of parameters (not billions), for the language model.
 *
 * <p>{@code active} follows the convention of the Mixtral and Qwen model cards: every weight a
 * token's forward pass uses, input embedding table and output head included. For a dense model it
 * equals {@code total}. A decoded token reads only one row of the input embedding, so the weights
 * actually streamed per token are {@link #activeReadPerToken()}.
 *
 * @param total all parameters
 * @param active parameters used for one token
 * @param embeddingLookupOnly parameters of an input embedding table that is not shared with the
 *     output head; 0 when the two are tied
 * @param source where {@code total} (and {@code active}, where given) came from
 * @param note how the figure was obtained, or what it leaves out
 */
public record ParameterCount(
    double total, double active, double embeddingLookupOnly, ParameterSource source, String note) {

  private static final double BILLION = 1e9;

  /** Total parameters in billions. */
  public double totalBillions() {
    return total / BILLION;
  }

  /** Active parameters in billions. */
  public double activeBillions() {
    return active / BILLION;
  }

  /** Parameters whose bytes a decode step reads: active minus the lookup-only embedding table. */
  public double activeReadPerToken() {
    return Math.max(0, active - embeddingLookupOnly);
  }
}
