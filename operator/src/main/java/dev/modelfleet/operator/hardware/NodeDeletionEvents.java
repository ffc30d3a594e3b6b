package dev.modelfleet.operator.hardware;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns a Node deletion into a reconcile of some remaining node, so detection re-derives the fleet.
 * JOSDK would deliver deletions itself with triggerReconcilerOnAllEvents, but the extension's
 * configuration (QOSDK 7.7.3) does not pass that setting on to JOSDK 5.3.2. A plain watch (no
 * second cache) sees the deletions; the controller's own informer still holds the nodes.
 */
final class NodeDeletionEvents extends AbstractEventSource<Void, Node> {
  private static final Logger LOG = Logger.getLogger(NodeDeletionEvents.class);

  private final KubernetesClient client;
  private final IndexedResourceCache<Node> nodes;
  private final Runnable onLastNodeGone;
  private volatile Watch watch;

  NodeDeletionEvents(
      KubernetesClient client, IndexedResourceCache<Node> nodes, Runnable onLastNodeGone) {
    super(Void.class, "node-deletions");
    this.client = client;
    this.nodes = nodes;
    this.onLastNodeGone = onLastNodeGone;
  }

  @Override
  public synchronized void start() {
    super.start();
    watchFromNow();
  }

  @Override
  public synchronized void stop() {
    super.stop();
    if (watch != null) {
      watch.close();
    }
  }

  @Override
  public Set<Void> getSecondaryResources(Node primary) {
    return Set.of();
  }

  private void watchFromNow() {
    // Start from the current resourceVersion: only deletions from here on matter.
    String now =
        client
            .nodes()
            .list(new ListOptionsBuilder().withLimit(1L).build())
            .getMetadata()
            .getResourceVersion();
    watch =
        client
            .nodes()
            .watch(
                new ListOptionsBuilder().withResourceVersion(now).build(),
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Node node) {
                    if (action == Action.DELETED) {
                      nodeDeleted();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    if (isRunning()) {
                      LOG.debugf("node watch closed (%s); watching again", cause.getMessage());
                      nodeDeleted(); // a deletion may have passed while the watch was down
                      watchFromNow();
                    }
                  }
                });
  }

  private void nodeDeleted() {
    nodes
        .keys()
        .findFirst()
        .ifPresentOrElse(id -> getEventHandler().handleEvent(new Event(id)), onLastNodeGone);
  }
}
