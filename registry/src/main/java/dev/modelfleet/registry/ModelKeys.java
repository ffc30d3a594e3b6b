package dev.modelfleet.registry;

import dev.modelfleet.ranker.model.RepoIds;
import java.util.Locale;

/**
 * How model names are compared: Hub ids lose their URL prefix and Ollama-style {@code :TAG} and are
 * lower-cased; plain Ollama tags such as {@code qwen3:8b} (no organisation) are kept whole,
 * lower-cased, since their tag names a different model.
 */
public final class ModelKeys {
  private ModelKeys() {}

  /** The key two names are compared by. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String trimmed = name.trim();
    return (isHubId(trimmed) ? RepoIds.canonical(trimmed) : trimmed).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a name is a Hugging Face repository id (org/name, a Hub URL, or hf.co/org/name:TAG).
   */
  public static boolean isHubId(String name) {
    if (name == null) {
      return false;
    }
    String canonical = RepoIds.canonical(name);
    int slash = canonical.indexOf('/');
    return slash > 0 && slash < canonical.length() - 1 && canonical.indexOf('/', slash + 1) < 0;
  }
}
