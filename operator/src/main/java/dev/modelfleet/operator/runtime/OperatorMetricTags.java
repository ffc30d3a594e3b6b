package dev.modelfleet.operator.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator SDK tags its meters with the group and namespace (plain and {@code
 * resource.}-prefixed) only when a resource has them, so a cluster-scoped core resource (Node) and
 * a namespaced custom one (ModelPool) give one meter name two tag sets, which Prometheus refuses
 * (and the refusal breaks event handling). Every operator SDK meter gets both tags, empty where
 * they do not apply.
 */
@Singleton
public class OperatorMetricTags {
  static final String SDK_PREFIX = "operator.sdk.";
  static final List<String> OPTIONAL_KEYS =
      List.of("group", "namespace", "resource.group", "resource.namespace");

  @Produces
  @Singleton
  public MeterFilter uniformOperatorSdkTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(SDK_PREFIX)) {
          return id;
        }
        List<Tag> missing = new ArrayList<>();
        for (String key : OPTIONAL_KEYS) {
          if (id.getTag(key) == null) {
            missing.add(Tag.of(key, ""));
          }
        }
        return missing.isEmpty() ? id : id.withTags(missing);
      }
    };
  }
}
