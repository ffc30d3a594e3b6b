package dev.modelfleet.operator.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.CrdManifests;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The packaged ModelPool controller against a real K3s cluster: a pool with one small model placed
 * on a simulated H100 node (GPU Feature Discovery labels and device-plugin capacity, no kubelet
 * behind it) gets its engine's Deployment, Service and cache claim, owned by the pool, and the
 * garbage collector removes them with the pool. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class ModelPoolK3sIT {
  private static final String GPU_NODE = "gpu-sim-h100";
  private static final String H100 = "NVIDIA-H100-80GB-HBM3";

  /** GPU Feature Discovery's nvidia.com/gpu.memory for an H100 80GB HBM3, in MiB. */
  private static final long H100_MEMORY_MIB = 81559;

  private static final int H100_GPUS = 8;

  /** Keeps pods off the simulated node, which has no kubelet to run or delete them. */
  private static final String SIMULATED_TAINT = "modelfleet.dev/simulated";

  /** The detected profile's name for eight H100s (the detection controller's naming). */
  private static final String H100_PROFILE = "nvidia-h100-80gb-hbm3-x8";

  private static final String NAMESPACE = "default";
  private static final String POOL = "chat";
  private static final String MODEL = "llama-8b";

  /** The engine's objects are named {@code <pool>-<model>}. */
  private static final String ENGINE = POOL + "-" + MODEL;

  /** A context window an 8B model serves on one H100 with room to spare. */
  private static final int CONTEXT_LENGTH = 8192;

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

  private static KubernetesClient client;
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator() throws IOException {
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
            .build();
    installCrds();
    simulateGpuNode();

    Path kubeconfig = Files.createTempFile("k3s-kubeconfig", ".yaml");
    kubeconfig.toFile().deleteOnExit();
    Files.writeString(kubeconfig, K3S.getKubeConfigYaml());
    operator =
        OperatorProcess.start(
            kubeconfig, OperatorProcess.operatorModule().resolve("target/model-pool-k3s-it.log"));
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void placesTheModelRendersItsEngineAndCleansUpWithThePool() {
    awaitOperator()
        .alias("node " + GPU_NODE + " in profile " + H100_PROFILE)
        .until(
            () -> client.resources(HardwareProfile.class).withName(H100_PROFILE).get(),
            p -> p != null && p.getStatus() != null && p.getStatus().getNodes().contains(GPU_NODE));

    ModelPool created = client.resource(pool()).create();

    ModelStatus llama =
        awaitOperator()
            .alias("model " + MODEL + " placed and its engine starting")
            .until(
                () -> modelStatus(MODEL), m -> m != null && m.getPhase() == ModelPhase.Downloading);
    assertThat(llama.getNodes()).containsExactly(GPU_NODE);
    assertThat(llama.getHardwareProfile()).isEqualTo(H100_PROFILE);
    assertThat(llama.getGpusPerReplica()).isEqualTo(1);
    assertThat(llama.getEndpoint()).isEqualTo("http://" + ENGINE + "." + NAMESPACE + ".svc:8000");

    String uid = created.getMetadata().getUid();
    assertOwnedByPool(
        client.apps().deployments().inNamespace(NAMESPACE).withName(ENGINE).get(), uid);
    assertOwnedByPool(client.services().inNamespace(NAMESPACE).withName(ENGINE).get(), uid);
    assertOwnedByPool(
        client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(ENGINE).get(), uid);

    // The controller's finalizer releases the pool's GPUs; then the garbage collector follows the
    // owner references.
    client.resources(ModelPool.class).inNamespace(NAMESPACE).withName(POOL).delete();

    awaitOperator()
        .alias("pool and engine objects deleted")
        .until(
            () ->
                client.resources(ModelPool.class).inNamespace(NAMESPACE).withName(POOL).get()
                        == null
                    && client.apps().deployments().inNamespace(NAMESPACE).withName(ENGINE).get()
                        == null
                    && client.services().inNamespace(NAMESPACE).withName(ENGINE).get() == null
                    && client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(ENGINE).get()
                        == null);
  }

  private static void assertOwnedByPool(HasMetadata owned, String poolUid) {
    assertThat(owned).as(ENGINE + " exists").isNotNull();
    List<OwnerReference> owners = owned.getMetadata().getOwnerReferences();
    assertThat(owners)
        .as(owned.getKind() + " " + ENGINE + " owner references")
        .anySatisfy(
            o -> {
              assertThat(o.getKind()).isEqualTo("ModelPool");
              assertThat(o.getName()).isEqualTo(POOL);
              assertThat(o.getUid()).isEqualTo(poolUid);
            });
  }

  private static ModelStatus modelStatus(String model) {
    ModelPool pool = client.resources(ModelPool.class).inNamespace(NAMESPACE).withName(POOL).get();
    if (pool == null || pool.getStatus() == null) {
      return null;
    }
    return pool.getStatus().getModels().stream()
        .filter(m -> model.equals(m.getName()))
        .findFirst()
        .orElse(null);
  }

  private static ModelPool pool() {
    PoolModel model = new PoolModel();
    model.setName(MODEL);
    ModelSource source = new ModelSource();
    source.setHuggingFace("meta-llama/Llama-3.1-8B-Instruct");
    model.setSource(source);
    model.setContextLength(CONTEXT_LENGTH);
    model.setReplicas(1);
    HardwareProfileSelector selector = new HardwareProfileSelector();
    selector.setNames(List.of(H100_PROFILE));
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName(POOL);
    pool.getMetadata().setNamespace(NAMESPACE);
    pool.setSpec(new ModelPoolSpec());
    pool.getSpec().setModels(List.of(model));
    pool.getSpec().setHardwareProfiles(selector);
    return pool;
  }

  /** Polls for two minutes, and gives up at once if the operator process has died. */
  private static ConditionFactory awaitOperator() {
    return await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .failFast("the operator exited; see " + operator.log(), () -> !operator.isAlive());
  }

  private static void installCrds() throws IOException {
    ClassLoader loader = ModelPoolK3sIT.class.getClassLoader();
    for (String resource : CrdManifests.resources()) {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        var crds = client.apiextensions().v1().customResourceDefinitions();
        CustomResourceDefinition crd = client.resource(crds.load(in).item()).create();
        crds.withName(crd.getMetadata().getName())
            .waitUntilCondition(ModelPoolK3sIT::established, 1, TimeUnit.MINUTES);
      }
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * A Node with the labels GPU Feature Discovery gives an eight-H100 server and the capacity its
   * device plugin advertises (patched through the status subresource, as a kubelet does).
   */
  private static void simulateGpuNode() {
    client
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(GPU_NODE)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/hostname", GPU_NODE)
                .addToLabels("nvidia.com/gpu.present", "true")
                .addToLabels("nvidia.com/gpu.product", H100)
                .addToLabels("nvidia.com/gpu.count", String.valueOf(H100_GPUS))
                .addToLabels("nvidia.com/gpu.memory", String.valueOf(H100_MEMORY_MIB))
                .endMetadata()
                .withNewSpec()
                // No kubelet runs behind this node: keep the engine's pod unscheduled, so that it
                // is deleted at once with its Deployment and never holds the cache claim.
                .addNewTaint()
                .withKey(SIMULATED_TAINT)
                .withValue("true")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .build())
        .create();
    Map<String, Quantity> capacity =
        Map.of("nvidia.com/gpu", new Quantity(String.valueOf(H100_GPUS)));
    client
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(GPU_NODE)
                .endMetadata()
                .withNewStatus()
                .withCapacity(capacity)
                .withAllocatable(capacity)
                .endStatus()
                .build())
        .patchStatus();
  }
}
