package dev.modelfleet.operator.demo;

import dev.modelfleet.serving.ManagedLabels;
import dev.modelfleet.serving.ServingLabels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Stands in for the scheduler, kubelets and Deployment controller that the embedded API server
 * lacks: reports every engine Deployment's replicas as ready through its status, as the Deployment
 * controller would once the engine pods passed readiness. Nothing actually runs.
 */
final class SimulatedKubelet {
  static final String LABEL = "[simulated kubelet]";

  private final KubernetesClient client;
  private final String namespace;
  private final PrintStream out;
  private final Set<String> announced = new HashSet<>();

  SimulatedKubelet(KubernetesClient client, String namespace, PrintStream out) {
    this.client = client;
    this.namespace = namespace;
    this.out = out;
  }

  /** Marks every engine Deployment not yet reported ready as ready; returns how many it marked. */
  int markEnginesReady() {
    int marked = 0;
    var deployments =
        client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.OPERATOR)
            .withLabel(ManagedLabels.COMPONENT, ServingLabels.ENGINE_COMPONENT)
            .list()
            .getItems()
            .stream()
            .sorted(Comparator.comparing(d -> d.getMetadata().getName()))
            .toList();
    for (Deployment deployment : deployments) {
      int wanted = wantedReplicas(deployment);
      if (isReady(deployment, wanted)) {
        continue;
      }
      try {
        client.resource(readyStatus(deployment, wanted)).patchStatus();
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT
            || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          // Rewritten or deleted by the operator meanwhile: the next pass looks again.
          continue;
        }
        throw e;
      }
      if (!announced.add(deployment.getMetadata().getName())) {
        // Marked before and rewritten by the operator since: mark again, quietly.
        marked++;
        continue;
      }
      out.printf(
          "  %s Deployment %s: %d of %d replica(s) ready (no Pod runs: status set through the"
              + " API)%n",
          LABEL, deployment.getMetadata().getName(), wanted, wanted);
      marked++;
    }
    return marked;
  }

  static int wantedReplicas(Deployment deployment) {
    // A Deployment without spec.replicas runs one, as the API server defaults it.
    return deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
        ? 1
        : deployment.getSpec().getReplicas();
  }

  static boolean isReady(Deployment deployment, int wanted) {
    var status = deployment.getStatus();
    return status != null
        && Objects.equals(status.getReplicas(), wanted)
        && Objects.equals(status.getReadyReplicas(), wanted)
        && Objects.equals(status.getAvailableReplicas(), wanted)
        && Objects.equals(status.getUpdatedReplicas(), wanted)
        && Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration());
  }

  /**
   * The listed Deployment with every replica ready in its status, and no resourceVersion: the
   * status patch then does not conflict with the operator's concurrent writes to the spec.
   */
  static Deployment readyStatus(Deployment deployment, int wanted) {
    DeploymentStatus status = new DeploymentStatus();
    status.setObservedGeneration(deployment.getMetadata().getGeneration());
    status.setReplicas(wanted);
    status.setUpdatedReplicas(wanted);
    status.setReadyReplicas(wanted);
    status.setAvailableReplicas(wanted);
    deployment.setStatus(status);
    deployment.getMetadata().setResourceVersion(null);
    return deployment;
  }
}
