package dev.modelfleet.gateway.usage;

import java.util.Map;

/** Writes annotations onto a ModelPool (a JSON merge patch in production). */
@FunctionalInterface
public interface PoolAnnotationWriter {
  /** Adds or replaces the given annotations on the pool; throws when the write fails. */
  void annotate(String namespace, String pool, Map<String, String> annotations);
}
