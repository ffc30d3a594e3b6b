package dev.modelfleet.operator.k3s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.CrdManifests;
import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The packaged operator against a real K3s cluster: a simulated GPU Node (GPU Feature Discovery
 * labels and device-plugin capacity, no kubelet behind it) gets a detected HardwareProfile, and
 * relabelling it moves it to another. Needs Docker; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardwareDetectionK3sIT {
  private static final String GPU_NODE = "gpu-sim-h100";
  private static final String H100 = "NVIDIA-H100-80GB-HBM3";
  private static final String L4 = "NVIDIA-L4";

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
    client.resource(gpuNode()).create();
    relabel(H100, 8, 81559);

    Path kubeconfig = Files.createTempFile("k3s-kubeconfig", ".yaml");
    kubeconfig.toFile().deleteOnExit();
    Files.writeString(kubeconfig, K3S.getKubeConfigYaml());
    operator =
        OperatorProcess.start(
            kubeconfig,
            OperatorProcess.operatorModule().resolve("target/hardware-detection-k3s-it.log"));
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
  @Order(1)
  void detectsTheGpuNodeAndTheCpuOnlyServer() {
    HardwareProfile h100 = awaitDetectedProfile(GPU_NODE, H100, 8);
    assertThat(h100.getMetadata().getName()).isEqualTo("nvidia-h100-80gb-hbm3-x8");
    assertThat(h100.getSpec().getGpu())
        .extracting(GpuSpec::getProduct, GpuSpec::getCountPerNode, GpuSpec::getResourceName)
        .containsExactly(H100, 8, "nvidia.com/gpu");

    HardwareProfile cpuOnly =
        awaitOperator()
            .alias("a profile cpu-only with the K3s server node")
            .until(
                () -> client.resources(HardwareProfile.class).withName("cpu-only").get(),
                p -> p != null && p.getStatus() != null && !p.getStatus().getNodes().isEmpty());
    List<String> serverNodes =
        client.nodes().list().getItems().stream()
            .map(n -> n.getMetadata().getName())
            .filter(name -> !name.equals(GPU_NODE))
            .toList();
    assertThat(cpuOnly.getStatus().getNodes()).containsExactlyElementsOf(serverNodes);
  }

  @Test
  @Order(2)
  void relabelledNodeMovesToANewProfile() {
    String h100Profile = awaitDetectedProfile(GPU_NODE, H100, 8).getMetadata().getName();

    relabel(L4, 1, 23034);

    HardwareProfile l4 = awaitDetectedProfile(GPU_NODE, L4, 1);
    assertThat(l4.getSpec().getGpu())
        .extracting(GpuSpec::getProduct, GpuSpec::getCountPerNode)
        .containsExactly(L4, 1);
    awaitOperator()
        .alias("detected profile " + h100Profile + " deleted")
        .until(() -> client.resources(HardwareProfile.class).withName(h100Profile).get() == null);
  }

  /** Polls for two minutes, and gives up at once if the operator process has died. */
  private static ConditionFactory awaitOperator() {
    return await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .failFast("the operator exited; see " + operator.log(), () -> !operator.isAlive());
  }

  /**
   * Waits for the node to sit in a detected profile of that product and GPU count. Matching the
   * count too skips the passing state between the label edit and the capacity patch.
   */
  private static HardwareProfile awaitDetectedProfile(String node, String product, int gpus) {
    return awaitOperator()
        .alias(node + " in a detected " + product + " x" + gpus + " profile")
        .until(() -> detectedProfileOf(node, product, gpus), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<HardwareProfile> detectedProfileOf(
      String node, String product, int gpus) {
    return client
        .resources(HardwareProfile.class)
        .withLabel(HardwareProfile.DETECTED_LABEL, "true")
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getNodes().contains(node))
        .filter(p -> product.equals(p.getSpec().getGpu().getProduct()))
        .filter(p -> Integer.valueOf(gpus).equals(p.getSpec().getGpu().getCountPerNode()))
        .findFirst();
  }

  private static void installCrds() throws IOException {
    ClassLoader loader = HardwareDetectionK3sIT.class.getClassLoader();
    for (String resource : CrdManifests.resources()) {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        var crds = client.apiextensions().v1().customResourceDefinitions();
        CustomResourceDefinition crd = client.resource(crds.load(in).item()).create();
        crds.withName(crd.getMetadata().getName())
            .waitUntilCondition(HardwareDetectionK3sIT::established, 1, TimeUnit.MINUTES);
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

  private static Node gpuNode() {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(GPU_NODE)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/hostname", GPU_NODE)
        .endMetadata()
        .build();
  }

  /**
   * Gives the simulated node the labels GPU Feature Discovery would, and the capacity the device
   * plugin would advertise (through the status subresource, as a kubelet does).
   */
  private static void relabel(String product, int gpus, long memoryMiB) {
    client
        .nodes()
        .withName(GPU_NODE)
        .edit(
            node ->
                new NodeBuilder(node)
                    .editMetadata()
                    .addToLabels("nvidia.com/gpu.product", product)
                    .addToLabels("nvidia.com/gpu.count", String.valueOf(gpus))
                    .addToLabels("nvidia.com/gpu.memory", String.valueOf(memoryMiB))
                    .endMetadata()
                    .build());
    Map<String, Quantity> capacity = Map.of("nvidia.com/gpu", new Quantity(String.valueOf(gpus)));
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
