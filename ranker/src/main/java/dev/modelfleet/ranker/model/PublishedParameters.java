package dev.modelfleet.ranker.model;

/**
 * The parameter figures a model card or paper publishes, in billions, kept beside the computed
 * count so the two can be compared.
 *
 * @param totalBillions published total, e.g. 8.03
 * @param activeBillions published active parameters for MoE models; null for dense ones
 * @param source URL of the card or paper
 * @param note what the figure includes (a vision tower, the embeddings) where that matters
 */
public record PublishedParameters(
    Double totalBillions, Double activeBillions, String source, String note) {}
