package dev.modelfleet.operator.pool;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How claims name a pool: namespace/name. */
final class PoolKeys {
  private PoolKeys() {}

  static String of(HasMetadata pool) {
    return pool.getMetadata().getNamespace() + "/" + pool.getMetadata().getName();
  }
}
