/**
 * The model registry: what ModelFleet knows about each model (license, gated flag, parameter
 * counts, architecture, files), merged from the bundled catalog, a frozen snapshot of Hub facts,
 * the Hugging Face Hub, a user registry and per-model overrides, each fact with its source and the
 * time it was observed. Pure Java: no Kubernetes.
 */
package dev.modelfleet.registry;
