package dev.modelfleet.operator.hardware;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a Node's labels, capacity and allocatable. */
record NodeFacts(
    String name,
    Map<String, String> labels,
    Map<String, Quantity> capacity,
    Map<String, Quantity> allocatable) {

  static NodeFacts of(Node node) {
    var status = node.getStatus();
    return new NodeFacts(
        node.getMetadata().getName(),
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels(),
        status == null || status.getCapacity() == null ? Map.of() : status.getCapacity(),
        status == null || status.getAllocatable() == null ? Map.of() : status.getAllocatable());
  }

  Optional<String> label(String key) {
    return Optional.ofNullable(labels.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  Optional<Long> longLabel(String key) {
    return label(key).flatMap(NodeFacts::parseLong);
  }

  int capacityOf(String resource) {
    return count(capacity.get(resource));
  }

  /** Allocatable, or capacity when the kubelet has not reported allocatable. */
  int allocatableOf(String resource) {
    Quantity quantity = allocatable.get(resource);
    return quantity == null ? capacityOf(resource) : count(quantity);
  }

  private static int count(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    try {
      return Quantity.getAmountInBytes(quantity).intValue();
    } catch (IllegalArgumentException | ArithmeticException malformed) {
      return 0;
    }
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException malformed) {
      return Optional.empty();
    }
  }
}
