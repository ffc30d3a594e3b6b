package dev.modelfleet.gateway.routes;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The cluster's HardwareProfiles, for the GPU-hour cost of pool backends. */
@Singleton
public class HardwareCatalog {
  private final KubernetesClient client;
  private volatile SharedIndexInformer<HardwareProfile> informer;

  private final CatalogGeneration generation;

  /** A catalog read through the given client, advancing {@code generation} on every change. */
  public HardwareCatalog(KubernetesClient client, CatalogGeneration generation) {
    this.client = client;
    this.generation = generation;
  }

  void onStart(@Observes StartupEvent event) {
    SharedIndexInformer<HardwareProfile> started =
        client.resources(HardwareProfile.class).runnableInformer(0);
    // Costs are optional: keep retrying quietly rather than stopping when profiles are unreadable.
    started.exceptionHandler(
        (running, error) -> !ExceptionHandler.isDeserializationException(error));
    started.addEventHandler(new OnAnyChange<>(generation::advance));
    started.start();
    informer = started;
    // The first list may have arrived before the field was set: drop what was derived meanwhile.
    generation.advance();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (informer != null) {
      informer.stop();
    }
  }

  /** What one GPU of the named profile costs per hour, when the profile says. */
  public Optional<Double> costPerGpuHour(String profile) {
    SharedIndexInformer<HardwareProfile> current = informer;
    if (current == null || profile == null) {
      return Optional.empty();
    }
    HardwareProfile found = current.getStore().getByKey(profile);
    return Optional.ofNullable(found)
        .map(HardwareProfile::getSpec)
        .map(spec -> spec.getCostPerGpuHour());
  }
}
