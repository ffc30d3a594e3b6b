package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.Node;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Hardware detection: any Node event (added, relabelled, removed) or HardwareProfile event
 * re-derives the fleet's profiles. Node label changes do not bump the generation, so every event
 * counts; deletions trigger too, without a finalizer on Nodes. A node added to an empty cluster
 * arrives as a Node event itself, so no profile event is lost when no node exists.
 */
@ControllerConfiguration(
    name = NodeInventoryReconciler.NAME,
    generationAwareEventProcessing = false)
public class NodeInventoryReconciler implements Reconciler<Node>, ConfigurableReconciler<Node> {
  public static final String NAME = "hardware-detection";

  private static final Logger LOG = Logger.getLogger(NodeInventoryReconciler.class);
  private final HardwareDetection detection;

  public NodeInventoryReconciler(HardwareDetection detection) {
    this.detection = detection;
  }

  @Override
  public UpdateControl<Node> reconcile(Node node, Context<Node> context) {
    List<Node> nodes = context.getPrimaryCache().list().toList();
    LOG.debugf(
        "re-deriving profiles of %d nodes after a change to %s",
        nodes.size(), node.getMetadata().getName());
    detection.sync(nodes, profiles(context));
    return UpdateControl.noUpdate();
  }

  @Override
  public List<EventSource<?, Node>> prepareEventSources(EventSourceContext<Node> context) {
    var config =
        InformerEventSourceConfiguration.from(HardwareProfile.class, Node.class)
            .withSecondaryToPrimaryMapper(profile -> anyNode(context))
            .build();
    var profileSource = new InformerEventSource<>(config, context);
    Runnable emptyFleet = () -> detection.sync(List.of(), profileSource.list().toList());
    return List.of(
        profileSource,
        new NodeDeletionEvents(context.getClient(), context.getPrimaryCache(), emptyFleet));
  }

  /**
   * Every reconcile re-derives the whole fleet, so a profile event needs to wake just one node:
   * mapping it to all its nodes would queue thousands of identical passes on a large fleet.
   */
  private static Set<ResourceID> anyNode(EventSourceContext<Node> context) {
    return context
        .getPrimaryCache()
        .list()
        .findFirst()
        .map(n -> Set.of(ResourceID.fromResource(n)))
        .orElse(Set.of());
  }

  @SuppressWarnings("unchecked")
  private static List<HardwareProfile> profiles(Context<Node> context) {
    var source =
        (InformerEventSource<HardwareProfile, Node>)
            context.eventSourceRetriever().getEventSourceFor(HardwareProfile.class);
    return source.list().toList();
  }

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<Node> overrider) {
    // Nothing to change at runtime; implementing this lets demo mode switch off server-side apply.
  }
}
