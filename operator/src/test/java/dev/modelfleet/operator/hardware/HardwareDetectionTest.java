package dev.modelfleet.operator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.ProfileSource;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.OperatorMetrics;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detection controller against a real API server, as the chart's RBAC allows it. */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class HardwareDetectionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long H100_MIB = 81559;

  private final KubernetesClient admin = AdminClient.create();

  @BeforeEach
  void emptyFleet() {
    // Nodes first: with no node left, deleting the profiles wakes no pass that would recreate them.
    admin.nodes().delete();
    await().atMost(WAIT).until(() -> admin.nodes().list().getItems().isEmpty());
    admin.resources(HardwareProfile.class).delete();
    await().atMost(WAIT).until(() -> profiles().isEmpty());
  }

  @Test
  void nodesAddedRelabelledAndRemovedKeepProfilesCurrent() {
    create(TestNodes.nvidia("h100-a", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB));
    create(TestNodes.nvidia("h100-b", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB));
    create(TestNodes.cpu("cpu-a"));

    HardwareProfile h100 = awaitProfileWith("h100-b");
    assertThat(h100.getMetadata().getName()).isEqualTo("nvidia-h100-80gb-hbm3-x8");
    assertThat(h100.isDetected()).isTrue();
    assertThat(h100.getStatus().getNodes()).containsExactly("h100-a", "h100-b");
    assertThat(h100.getStatus().getTotals().getGpus()).isEqualTo(16);
    assertThat(h100.getStatus().getObservedGeneration())
        .isEqualTo(h100.getMetadata().getGeneration());
    assertThat(awaitProfileWith("cpu-a").getMetadata().getName()).isEqualTo("cpu-only");

    Node relabelled = TestNodes.nvidia("h100-b", "NVIDIA-L4", 1, 23034);
    admin
        .nodes()
        .withName("h100-b")
        .edit(
            n -> {
              n.getMetadata().setLabels(relabelled.getMetadata().getLabels());
              return n;
            });
    admin
        .nodes()
        .withName("h100-b")
        .editStatus(
            n -> {
              n.getStatus().setCapacity(relabelled.getStatus().getCapacity());
              n.getStatus().setAllocatable(relabelled.getStatus().getAllocatable());
              return n;
            });
    awaitProfileListing("nvidia-l4-x1", List.of("h100-b"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                profile("nvidia-h100-80gb-hbm3-x8")
                    .map(p -> p.getStatus().getNodes().equals(List.of("h100-a")))
                    .orElse(false));

    admin.nodes().withName("h100-a").delete();
    await().atMost(WAIT).until(() -> profile("nvidia-h100-80gb-hbm3-x8").isEmpty());
  }

  @Test
  void everyGfdLabelSetBecomesItsProfiles() {
    GfdFixture.ALL.forEach(fixture -> create(TestNodes.fixture(fixture.file())));

    for (GfdFixture fixture : GfdFixture.ALL) {
      String node = TestNodes.fixture(fixture.file()).getMetadata().getName();
      for (GfdFixture.Expected want : fixture.profiles()) {
        HardwareProfile profile = awaitProfileListing(want.name(), List.of(node));
        assertThat(profile.getSpec().getGpu().getProduct()).isEqualTo(want.product());
        assertThat(profile.getSpec().getGpu().getCountPerNode()).isEqualTo(want.countPerNode());
        assertThat(profile.getSpec().getGpu().getResourceName()).isEqualTo(want.resourceName());
        assertThat(profile.getStatus().getConfidence()).isEqualTo(want.confidence());
        assertThat(profile.getStatus().getTotals().getGpus()).isEqualTo(want.countPerNode());
      }
    }
    assertThat(profiles())
        .hasSize(GfdFixture.ALL.stream().mapToInt(f -> f.profiles().size()).sum());
  }

  @Test
  void aPersonsOverrideWinsAndIsNeverOverwritten() {
    Node reserved = TestNodes.nvidia("reserved-0", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB);
    reserved.getMetadata().getLabels().put("team", "research");
    create(reserved);
    create(TestNodes.nvidia("shared-0", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB));
    awaitProfileWith("reserved-0");

    HardwareProfile override =
        TestNodes.override(
            "research-h100", Map.of("team", "research"), "NVIDIA-H100-80GB-HBM3", 3350.0);
    override.getMetadata().setGeneration(null);
    override.getSpec().setCostPerGpuHour(2.5);
    HardwareProfile created = admin.resource(override).create();

    HardwareProfile claimed = awaitProfileListing("research-h100", List.of("reserved-0"));
    assertThat(claimed.getStatus().getSource()).isEqualTo(ProfileSource.Override);
    assertThat(claimed.getStatus().getTotals().getGpus()).isEqualTo(8);
    assertThat(claimed.getMetadata().getGeneration())
        .isEqualTo(created.getMetadata().getGeneration());
    assertThat(claimed.getSpec().getCostPerGpuHour()).isEqualTo(2.5);
    assertThat(claimed.getSpec().getGpu().getMemoryBandwidthGBps()).isEqualTo(3350.0);
    assertThat(claimed.isDetected()).isFalse();
    await()
        .atMost(WAIT)
        .until(
            () ->
                profile("nvidia-h100-80gb-hbm3-x8")
                    .map(p -> p.getStatus().getNodes().equals(List.of("shared-0")))
                    .orElse(false));

    admin.resource(claimed).delete();
    await()
        .atMost(WAIT)
        .until(
            () ->
                profile("nvidia-h100-80gb-hbm3-x8")
                    .map(p -> p.getStatus().getNodes().size() == 2)
                    .orElse(false));
  }

  @Test
  void aDeletedDetectedProfileIsRecreated() {
    create(TestNodes.nvidia("l4-0", "NVIDIA-L4", 1, 23034));
    HardwareProfile first = awaitProfileWith("l4-0");

    admin.resource(first).delete();

    await()
        .atMost(WAIT)
        .until(
            () ->
                profile("nvidia-l4-x1")
                    .filter(p -> !p.getMetadata().getUid().equals(first.getMetadata().getUid()))
                    .isPresent());
    assertThat(awaitProfileWith("l4-0").getStatus().getNodes()).containsExactly("l4-0");
  }

  @Test
  void anUnknownGpuIsFlaggedByConditionAndWarningEvent() {
    create(TestNodes.nvidia("future-0", "NVIDIA-Future-X1000-96GB", 4, 98304));

    HardwareProfile profile = awaitProfileWith("future-0");

    assertThat(profile.getStatus().getConfidence()).isEqualTo(DetectionConfidence.LOW);
    var warning = profile.getStatus().condition(ConditionTypes.WARNING).orElseThrow();
    assertThat(warning.getStatus()).isEqualTo("True");
    assertThat(warning.getReason()).isEqualTo("UnknownGPUProduct");
    assertThat(warning.getLastTransitionTime()).isNotBlank();
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.v1().events().inNamespace("default").list().getItems().stream()
                    .anyMatch(
                        e ->
                            "Warning".equals(e.getType())
                                && "UnknownGPUProduct".equals(e.getReason())
                                && profile
                                    .getMetadata()
                                    .getName()
                                    .equals(e.getInvolvedObject().getName())));
  }

  @Test
  void aPassThatFindsNothingChangedWritesNothing() {
    create(TestNodes.nvidia("t-0", "NVIDIA-L4", 1, 23034));
    String version = awaitProfileWith("t-0").getMetadata().getResourceVersion();
    double passes = OperatorMetrics.successfulReconciles("Node");

    // A label no selector uses: detection runs a pass, and that pass must find nothing to write.
    admin
        .nodes()
        .withName("t-0")
        .edit(
            n -> {
              n.getMetadata().getLabels().put("team", "search");
              return n;
            });
    await().atMost(WAIT).until(() -> OperatorMetrics.successfulReconciles("Node") > passes);

    assertThat(profile("nvidia-l4-x1").orElseThrow().getMetadata().getResourceVersion())
        .isEqualTo(version);
  }

  private void create(Node node) {
    Node created = admin.resource(node).create();
    created.setStatus(node.getStatus());
    admin.resource(created).updateStatus();
  }

  private List<HardwareProfile> profiles() {
    return admin.resources(HardwareProfile.class).list().getItems();
  }

  private Optional<HardwareProfile> profile(String name) {
    return Optional.ofNullable(admin.resources(HardwareProfile.class).withName(name).get());
  }

  /** The named profile once its current status lists exactly these nodes. */
  private HardwareProfile awaitProfileListing(String name, List<String> nodes) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                profile(name)
                    .filter(p -> p.getStatus() != null && p.getStatus().getNodes().equals(nodes))
                    .filter(
                        p ->
                            p.getMetadata()
                                .getGeneration()
                                .equals(p.getStatus().getObservedGeneration())),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The profile listing the node once its status is current. */
  private HardwareProfile awaitProfileWith(String node) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                profiles().stream()
                    .filter(p -> p.getStatus() != null && p.getStatus().getNodes().contains(node))
                    .filter(
                        p ->
                            p.getMetadata()
                                .getGeneration()
                                .equals(p.getStatus().getObservedGeneration()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
