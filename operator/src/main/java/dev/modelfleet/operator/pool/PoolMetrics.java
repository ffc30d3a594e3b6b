package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.ranker.placement.Eviction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per pool: GPU memory and disk used against budget, models by phase, evictions by reason; what the
 * fleet dashboards chart. Gauges read the last status written, so they survive no restart and need
 * no polling.
 */
@ApplicationScoped
public class PoolMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicReference<ModelPoolStatus>> latest = new ConcurrentHashMap<>();

  public PoolMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ModelPool pool, ModelPoolStatus status, List<Eviction> evictions) {
    String key = PoolKeys.of(pool);
    Tags tags =
        Tags.of(
            "namespace", pool.getMetadata().getNamespace(), "pool", pool.getMetadata().getName());
    AtomicReference<ModelPoolStatus> ref =
        latest.computeIfAbsent(key, k -> register(tags, new AtomicReference<>()));
    ref.set(status);
    for (Eviction e : evictions) {
      registry
          .counter("modelfleet.pool.evictions", tags.and("reason", e.reason().statusReason()))
          .increment(e.replicasRemoved());
    }
  }

  void forget(ModelPool pool) {
    AtomicReference<ModelPoolStatus> ref = latest.get(PoolKeys.of(pool));
    if (ref != null) {
      ref.set(null);
    }
  }

  private AtomicReference<ModelPoolStatus> register(
      Tags tags, AtomicReference<ModelPoolStatus> ref) {
    Gauge.builder("modelfleet.pool.vram.used.gibibytes", ref, r -> usage(r, true))
        .tags(tags)
        .register(registry);
    Gauge.builder("modelfleet.pool.vram.budget.gibibytes", ref, r -> budget(r))
        .tags(tags)
        .register(registry);
    Gauge.builder("modelfleet.pool.disk.used.gibibytes", ref, r -> usage(r, false))
        .tags(tags)
        .register(registry);
    for (ModelPhase phase : ModelPhase.values()) {
      Gauge.builder("modelfleet.pool.models", ref, r -> count(r, phase))
          .tags(tags.and("phase", phase.name()))
          .register(registry);
    }
    return ref;
  }

  private static double usage(AtomicReference<ModelPoolStatus> ref, boolean vram) {
    ModelPoolStatus s = ref.get();
    if (s == null || s.getUsage() == null) {
      return 0;
    }
    Double v = vram ? s.getUsage().getVramGiB() : s.getUsage().getDiskGiB();
    return v == null ? 0 : v;
  }

  private static double budget(AtomicReference<ModelPoolStatus> ref) {
    ModelPoolStatus s = ref.get();
    return s == null || s.getUsage() == null || s.getUsage().getVramBudgetGiB() == null
        ? 0
        : s.getUsage().getVramBudgetGiB();
  }

  private static double count(AtomicReference<ModelPoolStatus> ref, ModelPhase phase) {
    ModelPoolStatus s = ref.get();
    return s == null ? 0 : s.getModels().stream().filter(m -> m.getPhase() == phase).count();
  }
}
