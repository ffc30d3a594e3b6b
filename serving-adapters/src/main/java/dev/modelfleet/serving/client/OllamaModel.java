package dev.modelfleet.serving.client;

/**
 * A model in Ollama's local store, as {@code GET /api/tags} lists it.
 *
 * @param name the tag, e.g. llama3.2:3b
 * @param sizeBytes bytes on disk; 0 when not reported
 * @param digest the manifest digest; null when not reported
 */
public record OllamaModel(String name, long sizeBytes, String digest) {}
