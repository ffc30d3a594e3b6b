package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Works out the HardwareProfiles the fleet should have from the Nodes and the profiles people
 * wrote. Pure: it reads its inputs and writes nothing. Nodes an override selects belong to it and
 * to no detected profile.
 */
public final class ProfilePlanner {
  private final GpuCatalog catalog;

  public ProfilePlanner(GpuCatalog catalog) {
    this.catalog = catalog;
  }

  public ProfilePlan plan(Collection<Node> nodes, Collection<HardwareProfile> existing) {
    List<Node> live =
        nodes.stream()
            .filter(n -> n.getMetadata().getDeletionTimestamp() == null)
            .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
            .toList();
    List<HardwareProfile> overrides =
        existing.stream()
            .filter(p -> !p.isDetected())
            .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
            .toList();
    Map<String, List<Node>> claimed = OverrideMatcher.claim(live, overrides);
    Set<String> claimedNodes =
        claimed.values().stream()
            .flatMap(List::stream)
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());

    Map<HardwareClass, List<Member>> classes = new TreeMap<>(CLASS_ORDER);
    for (Node node : live) {
      if (claimedNodes.contains(node.getMetadata().getName())) {
        continue;
      }
      for (NodeGpus gpus : NodeClassifier.classify(node)) {
        classes
            .computeIfAbsent(HardwareClass.of(gpus), k -> new ArrayList<>())
            .add(new Member(node, gpus));
      }
    }

    Set<String> takenNames =
        overrides.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    Map<HardwareClass, String> names = ProfileNaming.assign(classes.keySet(), takenNames);
    List<ProfilePlan.Detected> detected = new ArrayList<>();
    for (var entry : classes.entrySet()) {
      detected.add(detectedProfile(names.get(entry.getKey()), entry.getKey(), entry.getValue()));
    }

    Set<String> desiredNames =
        detected.stream().map(ProfilePlan.Detected::name).collect(Collectors.toSet());
    List<String> deletions =
        existing.stream()
            .filter(HardwareProfile::isDetected)
            .map(p -> p.getMetadata().getName())
            .filter(n -> !desiredNames.contains(n))
            .sorted()
            .toList();

    Map<String, dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus> overrideStatuses =
        new LinkedHashMap<>();
    for (HardwareProfile override : overrides) {
      overrideStatuses.put(
          override.getMetadata().getName(),
          OverrideStatusFactory.status(
              override,
              claimed.getOrDefault(override.getMetadata().getName(), List.of()),
              catalog));
    }
    return new ProfilePlan(detected, overrideStatuses, deletions);
  }

  private ProfilePlan.Detected detectedProfile(
      String name, HardwareClass hw, List<Member> members) {
    NodeGpus first = members.get(0).gpus();
    ResolvedGpu gpu = ResolvedGpu.of(hw, first, catalog);
    HardwareProfileSpec spec = new HardwareProfileSpec();
    spec.setGpu(gpu.spec());
    List<NodeGpus> all = members.stream().map(Member::gpus).toList();
    Map<String, String> selector = commonSelector(all);
    // An empty selector would fail the schema (minProperties: 1); leave it unset instead.
    spec.setNodeSelector(selector.isEmpty() ? null : selector);
    List<String> nodeNames = members.stream().map(m -> m.node().getMetadata().getName()).toList();
    return new ProfilePlan.Detected(name, spec, DetectedStatusFactory.status(nodeNames, all, gpu));
  }

  /** The identifying labels every member carries with the same value, so it selects them all. */
  private static Map<String, String> commonSelector(List<NodeGpus> members) {
    Map<String, String> common = new TreeMap<>(members.get(0).selector());
    for (NodeGpus member : members) {
      common.entrySet().retainAll(member.selector().entrySet());
    }
    return common;
  }

  private record Member(Node node, NodeGpus gpus) {}

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<HardwareClass> CLASS_ORDER =
      Comparator.comparing(HardwareClass::vendor)
          .thenComparing(HardwareClass::baseProduct, NULLS_FIRST)
          .thenComparing(HardwareClass::migProfile, NULLS_FIRST)
          .thenComparing(HardwareClass::resourceName, NULLS_FIRST)
          .thenComparingInt(HardwareClass::unitsPerNode)
          .thenComparingLong(HardwareClass::memoryMiB)
          .thenComparingInt(HardwareClass::sharedReplicas);
}
