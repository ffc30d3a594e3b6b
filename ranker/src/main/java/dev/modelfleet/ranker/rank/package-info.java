/**
 * Ranking: candidate models (a model in a weight format at a context length, with its quality
 * score) against one hardware target, each row fused from quality, fit and decode speed. Pure Java,
 * no Kubernetes. See {@link dev.modelfleet.ranker.rank.Ranker} and docs/ranker.md.
 */
package dev.modelfleet.ranker.rank;
