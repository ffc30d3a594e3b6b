package dev.modelfleet.operator.runs;

import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.hardware.TestNodes;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
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
  /** A HardwareProfile name no test creates. */
  static final String NO_PROFILE = "no-such-profile";

  /** The simulated GPU node served pools are placed on, and the profile detection gives it. */
  static final String GPU_NODE = "runs-l4";

  static final String GPU_PROFILE = "nvidia-l4-x8";

  /** GPUs of the node: enough for the pools of every test of a class, which may outlive it. */
  private static final int GPUS = 8;

  /** An L4's memory as GPU Feature Discovery reports it. */
  private static final long L4_MIB = 23034;

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

  /**
   * A pool with one Hugging Face model. Served: the pool controller places it on a simulated L4
   * node, so its status carries the engine's endpoint ({@link #endpoint}) for as long as the test
   * runs. Not served: a dry run on a profile that does not exist, so it has no endpoint.
   */
  public ModelPool servedPool(
      String namespace, String pool, String model, String repo, boolean served) {
    if (served) {
      ensureGpuNode();
    }
    ModelPool p = new ModelPool();
    p.setMetadata(new ObjectMetaBuilder().withName(pool).withNamespace(namespace).build());
    ModelPoolSpec spec = new ModelPoolSpec();
    PoolModel m = new PoolModel();
    m.setName(model);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    m.setSource(source);
    m.setQuantization("AWQ");
    m.setContextLength(8192);
    spec.setModels(new java.util.ArrayList<>(List.of(m)));
    HardwareProfileSelector where = new HardwareProfileSelector();
    where.setNames(List.of(served ? GPU_PROFILE : NO_PROFILE));
    spec.setHardwareProfiles(where);
    spec.setDryRun(!served);
    p.setSpec(spec);
    admin.resource(p).create();
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> admin.resources(ModelPool.class).inNamespace(namespace).withName(pool).get(),
            c ->
                c.getStatus() != null
                    && java.util.Objects.equals(
                        c.getStatus().getObservedGeneration(), c.getMetadata().getGeneration())
                    && !c.getMetadata().getFinalizers().isEmpty()
                    && (!served
                        || c.getStatus().getModels().stream()
                            .anyMatch(s -> model.equals(s.getName()) && s.getEndpoint() != null)));
  }

  /** The endpoint the pool controller reports for a served pool model. */
  public static String endpoint(String namespace, String pool, String model) {
    return "http://" + pool + "-" + model + "." + namespace + ".svc:8000";
  }

  /** One simulated L4 node (labelled as GPU Feature Discovery does) and its detected profile. */
  private void ensureGpuNode() {
    if (admin.nodes().withName(GPU_NODE).get() == null) {
      Node node = TestNodes.nvidia(GPU_NODE, "NVIDIA-L4", GPUS, L4_MIB);
      Node created = admin.resource(node).create();
      created.setStatus(node.getStatus());
      admin.resource(created).updateStatus();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HardwareProfile p =
                  admin.resources(HardwareProfile.class).withName(GPU_PROFILE).get();
              return p != null
                  && p.getStatus() != null
                  && p.getStatus().getNodes().contains(GPU_NODE);
            });
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
