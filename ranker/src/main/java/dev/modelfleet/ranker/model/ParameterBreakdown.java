package dev.modelfleet.ranker.model;

/**
 * Parameters by part of the model, as {@link ParameterCounter} computes them from the architecture.
 *
 * @param embedding the input embedding table (vocab x hidden)
 * @param outputHead the output projection; 0 when tied to the embedding
 * @param attention attention projections, their biases and per-head norms (MLA included)
 * @param recurrent linear-attention and Mamba mixers
 * @param denseMlp MLPs of dense layers
 * @param routedExperts every routed expert of every MoE layer
 * @param activeRoutedExperts the routed experts one token uses, over all MoE layers
 * @param sharedExperts shared experts (always active) and their gates
 * @param routers expert routers
 * @param norms normalisation weights, final norm included
 */
public record ParameterBreakdown(
    double embedding,
    double outputHead,
    double attention,
    double recurrent,
    double denseMlp,
    double routedExperts,
    double activeRoutedExperts,
    double sharedExperts,
    double routers,
    double norms) {

  /** Every parameter. */
  public double total() {
    return embedding
        + outputHead
        + attention
        + recurrent
        + denseMlp
        + routedExperts
        + sharedExperts
        + routers
        + norms;
  }

  /** The parameters one token uses: everything but the routed experts it is not sent to. */
  public double active() {
    return total() - routedExperts + activeRoutedExperts;
  }
}
