package dev.modelfleet.operator.runtime;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every JOSDK meter the same tag keys. JOSDK 5.3.2's v1 metrics tag a reconcile of a
 * namespaced custom resource with its group and namespace but one of a cluster-scoped core resource
 * (a Node) without them, and Prometheus refuses meters of one name with different tag keys:
 * whichever controller reconciled second then failed every reconcile. Missing group and namespace
 * tags are added with an empty value.
 */
public class OperatorSdkMetricTags {
  static final String JOSDK_PREFIX = "operator.sdk";
  private static final String SCOPE = "scope";
  private static final List<String> ALWAYS = List.of("group", "namespace");

  @Produces
  @Singleton
  MeterFilter consistentOperatorSdkTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return id.getName().startsWith(JOSDK_PREFIX) ? withAllKeys(id) : id;
      }
    };
  }

  static Meter.Id withAllKeys(Meter.Id id) {
    // Some meters carry both a plain and a "resource."-prefixed scope: complete every prefix.
    List<String> prefixes = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      if (tag.getKey().endsWith(SCOPE)) {
        prefixes.add(tag.getKey().substring(0, tag.getKey().length() - SCOPE.length()));
      }
    }
    List<Tag> missing = new ArrayList<>();
    for (String prefix : prefixes) {
      for (String key : ALWAYS) {
        if (id.getTag(prefix + key) == null) {
          missing.add(Tag.of(prefix + key, ""));
        }
      }
    }
    return missing.isEmpty() ? id : id.withTags(missing);
  }
}
