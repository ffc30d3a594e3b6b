package dev.modelfleet.operator.registry;

import dev.modelfleet.registry.cache.RegistryCacheStore;
import java.util.Optional;

/**
 * Keeps the Hub cache document in memory, so a registry rebuilt after a user registry change keeps
 * the Hub answers of the one it replaces. Used when no cache ConfigMap is configured.
 */
final class MemoryCacheStore implements RegistryCacheStore {
  private volatile String document;

  @Override
  public Optional<String> read() {
    return Optional.ofNullable(document);
  }

  @Override
  public void write(String value) {
    this.document = value;
  }
}
