package dev.modelfleet.operator.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every GFD and AMD label set becomes the right profile(s), without a cluster. */
class GfdFixtureDetectionTest {
  private final ProfilePlanner planner = new ProfilePlanner(GpuCatalog.bundled());

  static Stream<GfdFixture> fixtures() {
    return GfdFixture.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachLabelSetBecomesTheRightProfiles(GfdFixture fixture) {
    Node node = TestNodes.fixture(fixture.file());

    ProfilePlan plan = planner.plan(List.of(node), List.of());

    Map<String, ProfilePlan.Detected> byName =
        plan.detected().stream()
            .collect(Collectors.toMap(ProfilePlan.Detected::name, Function.identity()));
    assertThat(byName.keySet())
        .containsExactlyInAnyOrderElementsOf(
            fixture.profiles().stream().map(GfdFixture.Expected::name).toList());
    for (GfdFixture.Expected want : fixture.profiles()) {
      ProfilePlan.Detected got = byName.get(want.name());
      GpuSpec gpu = got.spec().getGpu();
      assertThat(gpu.getVendor()).as("vendor").isEqualTo(want.vendor());
      assertThat(gpu.getProduct()).as("product").isEqualTo(want.product());
      assertThat(gpu.getResourceName()).as("resource").isEqualTo(want.resourceName());
      assertThat(gpu.getCountPerNode()).as("count").isEqualTo(want.countPerNode());
      assertThat(gpu.getMigProfile()).as("MIG profile").isEqualTo(want.migProfile());
      assertThat(got.status().getConfidence()).as("confidence").isEqualTo(want.confidence());
      assertThat(got.status().getNodes()).containsExactly(node.getMetadata().getName());
      if (want.vendor() != GpuVendor.NONE) {
        assertThat(gpu.getMemoryGiB()).as("memory").isEqualTo(want.memoryGiB());
        assertThat(gpu.getSharedReplicas()).as("replicas").isEqualTo(want.sharedReplicas());
        assertThat(got.spec().getNodeSelector()).as("selector").isNotEmpty();
        assertThat(node.getMetadata().getLabels())
            .containsAllEntriesOf(got.spec().getNodeSelector());
      }
      if (want.confidence() == dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence.HIGH
          && want.vendor() != GpuVendor.NONE) {
        assertThat(gpu.getMemoryBandwidthGBps()).as("bandwidth from the catalog").isPositive();
        assertThat(got.status().getCatalogEntry()).isNotBlank();
      }
    }
  }
}
