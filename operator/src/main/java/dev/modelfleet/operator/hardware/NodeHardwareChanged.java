package dev.modelfleet.operator.hardware;

import io.fabric8.kubernetes.api.model.Node;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets through only the Node updates detection cares about: labels, GPU capacity and allocatable,
 * and deletion. Kubelets update node status (conditions, images) all the time; re-deriving the
 * fleet for each of those would be wasted work.
 */
public class NodeHardwareChanged implements OnUpdateFilter<Node> {

  @Override
  public boolean accept(Node updated, Node previous) {
    return !Objects.equals(updated.getMetadata().getLabels(), previous.getMetadata().getLabels())
        || !Objects.equals(
            updated.getMetadata().getDeletionTimestamp(),
            previous.getMetadata().getDeletionTimestamp())
        || !Objects.equals(capacity(updated), capacity(previous))
        || !Objects.equals(allocatable(updated), allocatable(previous));
  }

  private static Object capacity(Node node) {
    return node.getStatus() == null ? null : node.getStatus().getCapacity();
  }

  private static Object allocatable(Node node) {
    return node.getStatus() == null ? null : node.getStatus().getAllocatable();
  }
}
