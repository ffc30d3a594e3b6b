package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.Node;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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

/**
 * Hardware detection: any Node event (added, relabelled, removed) or HardwareProfile event
 * re-derives the fleet's profiles. Node label changes do not bump the generation, so every update
 * that touches labels or GPU capacity counts ({@link NodeHardwareChanged}); deletions trigger too,
 * through {@link NodeDeletionEvents}, without a finalizer on Nodes.
 */
@ControllerConfiguration(
    name = NodeInventoryReconciler.NAME,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = NodeHardwareChanged.class))
public class NodeInventoryReconciler implements Reconciler<Node>, ConfigurableReconciler<Node> {
  public static final String NAME = "hardware-detection";

  private final HardwareDetection detection;
  private volatile InformerEventSource<HardwareProfile, Node> profiles;
  private volatile NodeDeletionEvents deletions;

  public NodeInventoryReconciler(HardwareDetection detection) {
    this.detection = detection;
  }

  @Override
  public UpdateControl<Node> reconcile(Node node, Context<Node> context) {
    detection.sync(
        () -> context.getPrimaryCache().list(n -> !deletions.isDeleted(n)).toList(),
        () -> profiles.list().toList());
    return UpdateControl.noUpdate();
  }

  @Override
  public List<EventSource<?, Node>> prepareEventSources(EventSourceContext<Node> context) {
    var config =
        InformerEventSourceConfiguration.from(HardwareProfile.class, Node.class)
            .withSecondaryToPrimaryMapper(profile -> anyNode(context))
            .build();
    profiles = new InformerEventSource<>(config, context);
    deletions = new NodeDeletionEvents(context.getClient(), context.getPrimaryCache());
    return List.of(profiles, deletions);
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

  @Override
  public void updateConfigurationFrom(ControllerConfigurationOverrider<Node> overrider) {
    // Nothing to change at runtime. Implementing this interface is what lets the demo mode's
    // ConfigurationServiceCustomizer reach this controller (QOSDK 7.7.3 otherwise keeps the
    // build-time configuration); it matters once a controller writes with server-side apply.
  }
}
