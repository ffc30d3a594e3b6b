package dev.modelfleet.gateway.routes;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter every informer of the gateway advances after its cache changed (routes, pools, Secrets,
 * hardware profiles). What is derived from those caches can be kept until the counter moves.
 */
@Singleton
public class CatalogGeneration {
  private final AtomicLong generation = new AtomicLong();

  /** The current generation. */
  public long current() {
    return generation.get();
  }

  /** Marks every derived value stale; call after the cache has changed. */
  public void advance() {
    generation.incrementAndGet();
  }
}
