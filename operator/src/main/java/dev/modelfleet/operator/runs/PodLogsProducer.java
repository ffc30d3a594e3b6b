package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes {@link PodLogs} a bean of its own type, so tests can give logs a kubelet would serve. */
public class PodLogsProducer {
  @Produces
  @ApplicationScoped
  PodLogs podLogs(KubernetesClient client) {
    return new Fabric8PodLogs(client);
  }
}
