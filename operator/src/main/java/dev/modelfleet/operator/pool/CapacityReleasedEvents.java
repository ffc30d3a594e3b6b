package dev.modelfleet.operator.pool;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/**
 * Wakes the other pools when one gives capacity back (a model evicted or removed, a pool deleted),
 * so a model waiting for room is placed without waiting for an unrelated event.
 */
final class CapacityReleasedEvents extends SimpleInboundEventSource<ModelPool> {
  CapacityReleasedEvents() {
    super("capacity-released");
  }

  void wakeOthers(Context<ModelPool> context, ModelPool freed) {
    ResourceID self = ResourceID.fromResource(freed);
    context
        .getPrimaryCache()
        .list()
        .map(ResourceID::fromResource)
        .filter(id -> !id.equals(self))
        .forEach(this::propagateEvent);
  }
}
