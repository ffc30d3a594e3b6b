package dev.modelfleet.registry.cache;

import java.io.IOException;
import java.util.Optional;

/** Where the cache document persists between runs: a file, a ConfigMap key, nothing. */
public interface RegistryCacheStore {
  /** The last document written; empty when there is none yet. */
  Optional<String> read() throws IOException;

  /** Replaces the document; a reader sees the old one or the new one, never a mix. */
  void write(String document) throws IOException;

  /** A store that keeps nothing, for runs without persistence. */
  static RegistryCacheStore none() {
    return NoStore.INSTANCE;
  }

  /** The store that keeps nothing; one instance, so the cache can skip serialising for it. */
  enum NoStore implements RegistryCacheStore {
    INSTANCE;

    @Override
    public Optional<String> read() {
      return Optional.empty();
    }

    @Override
    public void write(String document) {
      // Nothing persists: the in-memory cache is all there is.
    }
  }
}
