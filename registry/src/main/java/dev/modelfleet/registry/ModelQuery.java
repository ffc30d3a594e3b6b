package dev.modelfleet.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to resolve.
 *
 * @param model a Hugging Face repository id (or Hub URL, or hf.co/org/name:TAG) or an Ollama tag
 * @param revision branch, tag or commit for Hub reads; null for "main"
 * @param overrides per-model facts that win over every source, named as in {@link Fact} (a
 *     ModelPool model's {@code overrides} converted to a map); null or empty for none
 */
public record ModelQuery(String model, String revision, Map<String, Object> overrides) {

  /** Copies the overrides, keeping their order and allowing null values (ignored). */
  public ModelQuery {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "model must be a Hugging Face repo id such as Qwen/Qwen3-8B or an Ollama tag");
    }
    model = model.trim();
    overrides =
        overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** A query for a model at its default revision, without overrides. */
  public static ModelQuery of(String model) {
    return new ModelQuery(model, null, null);
  }
}
