/**
 * The VRAM and decode-speed estimators: what one model needs on a GPU (weights, KV cache,
 * activations, engine overhead) and how fast it decodes there, per serving engine, with a sentence
 * for every term. The engine constants are named in {@code VramEstimator} and {@code
 * SpeedEstimator} with their public sources; docs/ranker.md explains the model.
 */
package dev.modelfleet.ranker.estimate;
