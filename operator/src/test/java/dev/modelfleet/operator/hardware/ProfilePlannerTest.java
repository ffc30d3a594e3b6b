package dev.modelfleet.operator.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.DetectionConfidence;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import dev.modelfleet.crds.v1alpha1.hardware.ProfileSource;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilePlannerTest {
  private static final long H100_MIB = 81559;
  private final ProfilePlanner planner = new ProfilePlanner(GpuCatalog.bundled());

  @Test
  void nodesOfOneClassShareOneProfileWithTotals() {
    ProfilePlan plan =
        planner.plan(
            List.of(
                TestNodes.nvidia("b", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB),
                TestNodes.nvidia("a", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB)),
            List.of());

    assertThat(plan.detected()).hasSize(1);
    ProfilePlan.Detected profile = plan.detected().get(0);
    assertThat(profile.name()).isEqualTo("nvidia-h100-80gb-hbm3-x8");
    assertThat(profile.spec().getGpu().getVendor()).isEqualTo(GpuVendor.NVIDIA);
    assertThat(profile.spec().getGpu().getMemoryGiB()).isEqualTo(79.65);
    assertThat(profile.spec().getGpu().getMemoryBandwidthGBps()).isPositive();
    assertThat(profile.spec().getGpu().getResourceName()).isEqualTo("nvidia.com/gpu");
    assertThat(profile.status().getNodes()).containsExactly("a", "b");
    assertThat(profile.status().getTotals().getGpus()).isEqualTo(16);
    assertThat(profile.status().getTotals().getVramGiB())
        .isEqualTo(Math.round(16 * 79.65 * 100) / 100.0);
    assertThat(profile.status().getConfidence()).isEqualTo(DetectionConfidence.HIGH);
    assertThat(condition(profile.status(), ConditionTypes.READY).getStatus()).isEqualTo("True");
    assertThat(condition(profile.status(), ConditionTypes.WARNING).getStatus()).isEqualTo("False");
  }

  @Test
  void differentGpuCountsPerNodeAreDifferentClasses() {
    ProfilePlan plan =
        planner.plan(
            List.of(
                TestNodes.nvidia("a", "NVIDIA-A10G", 1, 23028),
                TestNodes.nvidia("b", "NVIDIA-A10G", 4, 23028)),
            List.of());

    assertThat(plan.detected())
        .extracting(ProfilePlan.Detected::name)
        .containsExactly("nvidia-a10g-x1", "nvidia-a10g-x4");
  }

  @Test
  void anUnknownProductStillGetsAProfileMarkedLowConfidence() {
    ProfilePlan plan =
        planner.plan(
            List.of(TestNodes.nvidia("x", "NVIDIA-Future-X1000-96GB", 2, 98304)), List.of());

    ProfilePlan.Detected profile = plan.detected().get(0);
    assertThat(profile.status().getConfidence()).isEqualTo(DetectionConfidence.LOW);
    assertThat(profile.spec().getGpu().getMemoryGiB()).isEqualTo(96.0);
    assertThat(profile.spec().getGpu().getMemoryBandwidthGBps()).isNull();
    Condition warning = condition(profile.status(), ConditionTypes.WARNING);
    assertThat(warning.getStatus()).isEqualTo("True");
    assertThat(warning.getReason()).isEqualTo("UnknownGPUProduct");
    assertThat(warning.getMessage())
        .contains("NVIDIA-Future-X1000-96GB")
        .contains("spec.gpu.memoryBandwidthGBps");
    assertThat(condition(profile.status(), ConditionTypes.READY).getStatus()).isEqualTo("True");
  }

  @Test
  void cpuOnlyNodesGetACpuProfile() {
    ProfilePlan plan = planner.plan(List.of(TestNodes.cpu("c1"), TestNodes.cpu("c2")), List.of());

    assertThat(plan.detected())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("cpu-only");
              assertThat(p.spec().getGpu().getVendor()).isEqualTo(GpuVendor.NONE);
              assertThat(p.spec().getGpu().getCountPerNode()).isZero();
              assertThat(p.status().getTotals().getGpus()).isZero();
              assertThat(p.status().getConfidence()).isEqualTo(DetectionConfidence.HIGH);
            });
  }

  @Test
  void anOverrideClaimsTheNodesItSelectsAndDetectionLeavesThemAlone() {
    Node claimed = TestNodes.nvidia("a", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB);
    claimed.getMetadata().getLabels().put("pool", "reserved");
    Node free = TestNodes.nvidia("b", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB);
    var override =
        TestNodes.override(
            "reserved-h100", Map.of("pool", "reserved"), "NVIDIA-H100-80GB-HBM3", null);

    ProfilePlan plan = planner.plan(List.of(claimed, free), List.of(override));

    assertThat(plan.detected())
        .singleElement()
        .satisfies(p -> assertThat(p.status().getNodes()).containsExactly("b"));
    HardwareProfileStatus status = plan.overrides().get("reserved-h100");
    assertThat(status.getSource()).isEqualTo(ProfileSource.Override);
    assertThat(status.getNodes()).containsExactly("a");
    assertThat(status.getTotals().getGpus()).isEqualTo(8);
    assertThat(condition(status, ConditionTypes.READY).getStatus()).isEqualTo("True");
  }

  @Test
  void anOverrideWithoutSelectorClaimsNothingAndSaysHowToFixIt() {
    var override = TestNodes.override("empty", Map.of(), "NVIDIA-H100-80GB-HBM3", null);

    ProfilePlan plan =
        planner.plan(
            List.of(TestNodes.nvidia("a", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB)),
            List.of(override));

    assertThat(plan.detected())
        .singleElement()
        .satisfies(p -> assertThat(p.status().getNodes()).containsExactly("a"));
    Condition ready = condition(plan.overrides().get("empty"), ConditionTypes.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("NoNodeSelector");
    assertThat(ready.getMessage()).contains("spec.nodeSelector");
  }

  @Test
  void anOverrideOfAnUnknownGpuWithoutBandwidthWarns() {
    Node node = TestNodes.nvidia("a", "NVIDIA-Future-X1000-96GB", 8, 98304);
    var withBandwidth =
        TestNodes.override(
            "known",
            Map.of("nvidia.com/gpu.product", "NVIDIA-Future-X1000-96GB"),
            "NVIDIA-Future-X1000-96GB",
            4000.0);
    var without =
        TestNodes.override(
            "unknown", Map.of("nvidia.com/gpu.count", "8"), "NVIDIA-Future-X1000-96GB", null);

    ProfilePlan plan = planner.plan(List.of(node), List.of(withBandwidth, without));

    assertThat(plan.overrides().get("known").getConfidence()).isEqualTo(DetectionConfidence.HIGH);
    assertThat(plan.overrides().get("unknown").getConfidence()).isEqualTo(DetectionConfidence.LOW);
    assertThat(condition(plan.overrides().get("unknown"), ConditionTypes.READY).getReason())
        .isEqualTo("NoMatchingNodes");
  }

  @Test
  void detectedProfilesWithoutNodesAreDeletedButOverridesNeverAre() {
    var stale = TestNodes.detected("nvidia-t4-x1");
    var person = TestNodes.override("mine", Map.of("a", "b"), "Tesla-T4", null);

    ProfilePlan plan = planner.plan(List.of(TestNodes.cpu("c")), List.of(stale, person));

    assertThat(plan.deletions()).containsExactly("nvidia-t4-x1");
    assertThat(plan.overrides()).containsKey("mine");
  }

  @Test
  void aDetectedNameTakenByAPersonsProfileGetsASuffix() {
    var person =
        TestNodes.override(
            "nvidia-h100-80gb-hbm3-x8", Map.of("a", "b"), "NVIDIA-H100-80GB-HBM3", null);

    ProfilePlan plan =
        planner.plan(
            List.of(TestNodes.nvidia("n", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB)), List.of(person));

    assertThat(plan.detected())
        .extracting(ProfilePlan.Detected::name)
        .containsExactly("nvidia-h100-80gb-hbm3-x8-detected");
  }

  @Test
  void nodesBeingDeletedNoLongerCount() {
    Node leaving = TestNodes.nvidia("a", "NVIDIA-L4", 1, 23034);
    leaving.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");

    ProfilePlan plan = planner.plan(List.of(leaving), List.of(TestNodes.detected("nvidia-l4-x1")));

    assertThat(plan.detected()).isEmpty();
    assertThat(plan.deletions()).containsExactly("nvidia-l4-x1");
  }

  @Test
  void thePlanDoesNotDependOnInputOrder() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      nodes.add(
          i % 3 == 0
              ? TestNodes.cpu("n" + i)
              : TestNodes.nvidia(
                  "n" + i, i % 2 == 0 ? "NVIDIA-L4" : "NVIDIA-A10G", 1 + i % 2, 23000));
    }
    ProfilePlan first = planner.plan(nodes, List.of());
    Collections.reverse(nodes);
    ProfilePlan second = planner.plan(nodes, List.of());

    assertThat(second.detected())
        .extracting(ProfilePlan.Detected::name)
        .containsExactlyElementsOf(
            first.detected().stream().map(ProfilePlan.Detected::name).toList());
    for (int i = 0; i < first.detected().size(); i++) {
      assertThat(second.detected().get(i).status().getNodes())
          .isEqualTo(first.detected().get(i).status().getNodes());
    }
  }

  @Test
  void gpusWithoutAProductLabelStillGetAValidProfileThatSaysWhy() {
    Node unlabelled =
        TestNodes.node("bare", Map.of("kubernetes.io/os", "linux"), Map.of("nvidia.com/gpu", "4"));

    ProfilePlan plan = planner.plan(List.of(unlabelled), List.of());

    ProfilePlan.Detected profile = plan.detected().get(0);
    assertThat(profile.name()).isEqualTo("nvidia-x4");
    assertThat(profile.spec().getGpu().getProduct()).isNull();
    assertThat(profile.spec().getNodeSelector()).isNull();
    Condition warning = condition(profile.status(), ConditionTypes.WARNING);
    assertThat(warning.getReason()).isEqualTo("NoProductLabel");
    assertThat(warning.getMessage()).contains("GPU Feature Discovery");
  }

  @Test
  void aKnownGpuWithoutAMemoryLabelIsNotCalledUnknown() {
    Node node = TestNodes.nvidia("a", "NVIDIA-L4", 1, 23034);
    node.getMetadata().getLabels().remove("nvidia.com/gpu.memory");

    ProfilePlan.Detected profile = planner.plan(List.of(node), List.of()).detected().get(0);

    assertThat(profile.spec().getGpu().getMemoryGiB()).isEqualTo(24.0);
    assertThat(condition(profile.status(), ConditionTypes.WARNING).getStatus()).isEqualTo("False");
  }

  @Test
  void classesThatDifferOnlyInTheirResourceGetDistinctNames() {
    Node plain = TestNodes.nvidia("a", "Tesla-T4", 4, 15360);
    Node renamed =
        TestNodes.node(
            "b",
            Map.of("nvidia.com/gpu.product", "Tesla-T4", "nvidia.com/gpu.memory", "15360"),
            Map.of("nvidia.com/gpu.shared", "4"));

    ProfilePlan plan = planner.plan(List.of(plain, renamed), List.of());

    assertThat(plan.detected()).hasSize(2);
    assertThat(plan.detected().stream().map(ProfilePlan.Detected::name).distinct()).hasSize(2);
  }

  @Test
  void aSelectorSelectsEveryNodeTheProfileLists() {
    Node linux = TestNodes.cpu("l");
    Node windows = TestNodes.node("w", Map.of("kubernetes.io/os", "windows"), Map.of());

    ProfilePlan.Detected cpu = planner.plan(List.of(linux, windows), List.of()).detected().get(0);

    assertThat(cpu.status().getNodes()).containsExactly("l", "w");
    assertThat(cpu.spec().getNodeSelector()).isNull();
  }

  private static Condition condition(HardwareProfileStatus status, String type) {
    return status.condition(type).orElseThrow();
  }
}
