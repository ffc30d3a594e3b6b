package dev.modelfleet.operator.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;

/**
 * Whether two statuses say the same thing, compared as JSON trees (map order and object identity do
 * not matter), so an unchanged pool is not written on every reconcile.
 */
final class StatusComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusComparison() {}

  static boolean same(ModelPoolStatus before, ModelPoolStatus after) {
    if (before == null) {
      return false;
    }
    JsonNode a = JSON.valueToTree(before);
    JsonNode b = JSON.valueToTree(after);
    return a.equals(b);
  }
}
