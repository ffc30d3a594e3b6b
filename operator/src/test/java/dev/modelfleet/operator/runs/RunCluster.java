package dev.modelfleet.operator.runs;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the Job controller and the kubelet would write, written by hand: the test API server runs
 * neither, so Pods never run. Also the ModelPool a pool controller would have placed.
 */
public final class RunCluster {
  private final KubernetesClient admin;

  public RunCluster(KubernetesClient admin) {
    this.admin = admin;
  }

  private final List<String> namespaces = new java.util.ArrayList<>();

  public String newNamespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    namespaces.add(name);
    return name;
  }

  /** Deletes the namespaces made so far, so later test classes meet no leftover runs. */
  public void deleteNamespaces() {
    namespaces.forEach(n -> admin.namespaces().withName(n).delete());
    namespaces.clear();
  }

  /** A pool serving one Hugging Face model at the given endpoint (null: not served yet). */
  public ModelPool servedPool(
      String namespace, String pool, String model, String repo, String endpoint) {
    ModelPool p = new ModelPool();
    p.setMetadata(new ObjectMetaBuilder().withName(pool).withNamespace(namespace).build());
    ModelPoolSpec spec = new ModelPoolSpec();
    PoolModel m = new PoolModel();
    m.setName(model);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    m.setSource(source);
    m.setQuantization("AWQ");
    spec.setModels(new java.util.ArrayList<>(List.of(m)));
    p.setSpec(spec);
    ModelPool created = admin.resource(p).create();
    if (endpoint == null) {
      return created;
    }
    ModelPoolStatus status = new ModelPoolStatus();
    ModelStatus served = new ModelStatus();
    served.setName(model);
    served.setEngine("vllm");
    served.setHardwareProfile("nvidia-l4-x1");
    served.setEndpoint(endpoint);
    status.setModels(List.of(served));
    created.setStatus(status);
    return admin.resource(created).updateStatus();
  }

  /** The Job controller's view once a Pod runs. */
  public void jobRunning(String namespace, String job) {
    admin
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName(job)
        .editStatus(
            j -> {
              j.getStatus().setActive(1);
              j.getStatus().setStartTime(now());
              return j;
            });
  }

  /** The Job controller's view of a finished Job: Complete, or Failed with a reason. */
  public void jobFinished(
      String namespace, String job, boolean complete, String reason, String message) {
    admin
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName(job)
        .editStatus(
            j -> {
              j.getStatus().setActive(0);
              if (j.getStatus().getStartTime() == null) {
                j.getStatus().setStartTime(now());
              }
              if (complete) {
                j.getStatus().setSucceeded(1);
                j.getStatus().setCompletionTime(now());
              } else {
                j.getStatus().setFailed(1);
              }
              j.getStatus()
                  .setConditions(
                      List.of(
                          new JobConditionBuilder()
                              .withType(complete ? "Complete" : "Failed")
                              .withStatus("True")
                              .withReason(reason)
                              .withMessage(message)
                              .withLastProbeTime(now())
                              .withLastTransitionTime(now())
                              .build()));
              return j;
            });
  }

  /**
   * A Pod of the Job whose container terminated with the given exit code and message; returns the
   * Pod's name.
   */
  public String podTerminated(Job job, String container, int exitCode, String message) {
    Map<String, String> labels =
        new HashMap<>(job.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(PodReports.JOB_NAME_LABEL, job.getMetadata().getName());
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(
                job.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5))
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(labels)
            .endMetadata()
            .withSpec(job.getSpec().getTemplate().getSpec())
            .build();
    Pod created = admin.resource(pod).create();
    created.getStatus().setPhase(exitCode == 0 ? "Succeeded" : "Failed");
    created
        .getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName(container)
                    .withImage("runner")
                    .withImageID("")
                    .withReady(false)
                    .withRestartCount(0)
                    .withState(
                        new ContainerStateBuilder()
                            .withNewTerminated()
                            .withExitCode(exitCode)
                            .withMessage(message)
                            .withReason(exitCode == 0 ? "Completed" : "Error")
                            .withStartedAt(now())
                            .withFinishedAt(now())
                            .endTerminated()
                            .build())
                    .build()));
    admin.resource(created).updateStatus();
    return created.getMetadata().getName();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
