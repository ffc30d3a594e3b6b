/**
 * Quality scores fused from benchmark evidence: observations graded by how closely they measured
 * the model being scored (direct, variant, base, interpolated, self-reported), weighted by who
 * measured them, aged by recency and by newer generations of the family, and merged into a 0-100
 * score with a confidence and an explanation of every term. See docs/quality-score.md.
 */
package dev.modelfleet.ranker.quality;
