package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
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

    Set<String> takenNames = new HashSet<>();
    overrides.forEach(p -> takenNames.add(p.getMetadata().getName()));
    Map<String, Long> nameCounts =
        classes.keySet().stream()
            .collect(Collectors.groupingBy(HardwareClass::profileName, Collectors.counting()));
    List<ProfilePlan.Detected> detected = new ArrayList<>();
    for (var entry : classes.entrySet()) {
      HardwareClass hw = entry.getKey();
      String name =
          nameCounts.get(hw.profileName()) > 1 ? hw.profileNameWithMemory() : hw.profileName();
      if (takenNames.contains(name)) {
        name = name + "-detected";
      }
      detected.add(detectedProfile(name, hw, entry.getValue()));
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
    // An empty selector would fail the schema (minProperties: 1); leave it unset instead.
    spec.setNodeSelector(first.selector().isEmpty() ? null : new TreeMap<>(first.selector()));
    List<NodeGpus> all = members.stream().map(Member::gpus).toList();
    List<String> nodeNames = members.stream().map(m -> m.node().getMetadata().getName()).toList();
    return new ProfilePlan.Detected(name, spec, DetectedStatusFactory.status(nodeNames, all, gpu));
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
