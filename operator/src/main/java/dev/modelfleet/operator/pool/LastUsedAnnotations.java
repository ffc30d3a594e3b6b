package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * When each pool model last served a request, from the annotations the gateway writes on the pool
 * ({@code lastused.modelfleet.dev/<model>: <RFC 3339>}, at most once a minute per model). Real use
 * only: a reconcile never counts as use. A malformed value is ignored.
 */
final class LastUsedAnnotations {
  /** The annotation prefix; the model's name follows the slash. */
  static final String PREFIX = "lastused.modelfleet.dev/";

  private LastUsedAnnotations() {}

  static Map<String, Instant> of(ModelPool pool) {
    Map<String, Instant> out = new HashMap<>();
    Map<String, String> annotations = pool.getMetadata().getAnnotations();
    if (annotations == null) {
      return out;
    }
    annotations.forEach(
        (key, value) -> {
          if (key.startsWith(PREFIX)) {
            try {
              out.put(key.substring(PREFIX.length()), Instant.parse(value.trim()));
            } catch (DateTimeParseException e) {
              // A hand-edited or truncated value: the model counts as not recently used.
            }
          }
        });
    return out;
  }
}
