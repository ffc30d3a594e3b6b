package dev.modelfleet.operator.hardware;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Turns a Node deletion into a reconcile of some remaining node, so detection re-derives the fleet.
 * JOSDK would deliver deletions itself with triggerReconcilerOnAllEvents, but the extension (QOSDK
 * 7.7.3) does not pass that setting on to JOSDK 5.3.2. A plain watch, with no second cache, sees
 * the deletions; because it and the controller's informer are separate streams, a deleted node is
 * remembered (by UID) until the informer's cache has dropped it too, and passes leave it out
 * meanwhile. With no node left at all there is nothing to reconcile: the profiles stay until a node
 * returns (a cluster always has the node the operator runs on).
 */
final class NodeDeletionEvents extends AbstractEventSource<Void, Node> {
  private static final Logger LOG = Logger.getLogger(NodeDeletionEvents.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final IndexedResourceCache<Node> nodes;
  private final Set<String> deletedUids = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService rewatch =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "node-deletion-watch"));
  private volatile Watch watch;

  NodeDeletionEvents(KubernetesClient client, IndexedResourceCache<Node> nodes) {
    super(Void.class, "node-deletions");
    this.client = client;
    this.nodes = nodes;
  }

  /** True for a node that is gone although the controller's cache may still hold it. */
  boolean isDeleted(Node node) {
    return deletedUids.contains(node.getMetadata().getUid());
  }

  @Override
  public synchronized void start() {
    super.start();
    watchFromNow(FIRST_RETRY);
  }

  @Override
  public synchronized void stop() {
    super.stop();
    rewatch.shutdownNow();
    if (watch != null) {
      watch.close();
    }
  }

  @Override
  public Set<Void> getSecondaryResources(Node primary) {
    return Set.of();
  }

  private void watchFromNow(Duration nextRetry) {
    if (!isRunning()) {
      return;
    }
    try {
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
              .watch(new ListOptionsBuilder().withResourceVersion(now).build(), new Deletions());
    } catch (RuntimeException e) {
      LOG.warnf("cannot watch node deletions (%s); retrying in %s", e.getMessage(), nextRetry);
      Duration after = nextRetry.multipliedBy(2);
      rewatch.schedule(
          () -> watchFromNow(after.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : after),
          nextRetry.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void nodeDeleted(Node node) {
    deletedUids.add(node.getMetadata().getUid());
    Set<String> cachedUids = ConcurrentHashMap.newKeySet();
    nodes.list().forEach(n -> cachedUids.add(n.getMetadata().getUid()));
    deletedUids.retainAll(cachedUids); // the cache dropped these: no need to remember them
    nodes
        .list(n -> !isDeleted(n))
        .findFirst()
        .ifPresent(n -> getEventHandler().handleEvent(new Event(ResourceID.fromResource(n))));
  }

  private final class Deletions implements Watcher<Node> {
    @Override
    public void eventReceived(Action action, Node node) {
      if (action == Action.DELETED) {
        nodeDeleted(node);
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      LOG.debugf("node watch closed (%s); watching again", cause.getMessage());
      watchFromNow(FIRST_RETRY);
    }
  }
}
