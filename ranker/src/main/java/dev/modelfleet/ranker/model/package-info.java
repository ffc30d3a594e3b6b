/**
 * Model facts: the architecture read from a Hugging Face {@code config.json}, parameter counts, the
 * shape of the KV cache, and the bundled catalog of popular open-weight models.
 */
package dev.modelfleet.ranker.model;
