package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Pod logs through the API server ({@code pods/log} get), which asks the Pod's kubelet. */
public class Fabric8PodLogs implements PodLogs {
  private final KubernetesClient client;

  public Fabric8PodLogs(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public String read(String namespace, String pod, String container) {
    try {
      String log =
          client.pods().inNamespace(namespace).withName(pod).inContainer(container).getLog();
      if (log == null) {
        throw new LogUnavailableException("Pod " + pod + " has no log", null);
      }
      return log;
    } catch (KubernetesClientException e) {
      throw new LogUnavailableException(
          "the log of Pod " + pod + " cannot be read (HTTP " + e.getCode() + ")", e);
    }
  }
}
