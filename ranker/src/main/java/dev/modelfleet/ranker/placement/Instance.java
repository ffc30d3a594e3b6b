package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A validated request in index form. Models, nodes, profiles and current replicas are sorted by
 * name, so index order is name order and the plan cannot depend on the order of the input lists.
 */
final class Instance {
  final Model[] models;
  final Node[] nodes;
  final String[] profiles;
  final int[][] nodesByProfile;

  /** Per node, the most VRAM any of its GPUs has free for this pool before its replicas. */
  final double[] roomiestGpu;

  /** Current replicas on nodes that still exist; those on removed nodes are gone. */
  final List<Current> current;

  final double moveGainThreshold;

  private Instance(
      Model[] models,
      Node[] nodes,
      String[] profiles,
      int[][] nodesByProfile,
      List<Current> current,
      double threshold) {
    this.models = models;
    this.nodes = nodes;
    this.profiles = profiles;
    this.nodesByProfile = nodesByProfile;
    this.current = current;
    this.moveGainThreshold = threshold;
    this.roomiestGpu = new double[nodes.length];
    for (Node n : nodes) {
      roomiestGpu[n.index()] = java.util.Arrays.stream(n.free()).max().orElse(0);
    }
  }

  /** Whether {@code node} could take a replica with {@code option} were it empty. */
  boolean couldEverHost(int node, Option option) {
    Node n = nodes[node];
    return n.free().length >= option.gpus()
        && roomiestGpu[node] >= option.vram() - GpuPicker.EPSILON_GIB
        && n.disk() >= option.disk() - GpuPicker.EPSILON_GIB;
  }

  /** Indexes a request that {@link RequestValidator} accepted. */
  static Instance of(PlacementRequest request) {
    TreeSet<String> profileNames = new TreeSet<>();
    request.nodes().forEach(n -> profileNames.add(n.hardwareProfile()));
    request
        .candidates()
        .forEach(c -> c.options().forEach(o -> profileNames.add(o.hardwareProfile())));
    String[] profiles = profileNames.toArray(String[]::new);
    Map<String, Integer> profileIndex = indexOf(profiles);

    List<PlacementCandidate> candidates = new ArrayList<>(request.candidates());
    candidates.sort(Comparator.comparing(PlacementCandidate::model));
    Model[] models = new Model[candidates.size()];
    for (int m = 0; m < models.length; m++) {
      models[m] = model(m, candidates.get(m), profiles.length, profileIndex);
    }

    List<PlacementNode> placementNodes = new ArrayList<>(request.nodes());
    placementNodes.sort(Comparator.comparing(PlacementNode::name));
    Node[] nodes = new Node[placementNodes.size()];
    List<List<Integer>> byProfile = new ArrayList<>();
    for (int p = 0; p < profiles.length; p++) {
      byProfile.add(new ArrayList<>());
    }
    for (int n = 0; n < nodes.length; n++) {
      PlacementNode pn = placementNodes.get(n);
      int profile = profileIndex.get(pn.hardwareProfile());
      double[] free = pn.freeVramGiBPerGpu().stream().mapToDouble(Double::doubleValue).toArray();
      nodes[n] = new Node(n, pn.name(), profile, free, pn.gpusShareable(), pn.freeDiskGiB());
      byProfile.get(profile).add(n);
    }
    int[][] nodesByProfile = new int[profiles.length][];
    for (int p = 0; p < profiles.length; p++) {
      nodesByProfile[p] = byProfile.get(p).stream().mapToInt(Integer::intValue).toArray();
    }

    Map<String, Integer> modelIndex = new HashMap<>();
    for (Model m : models) {
      modelIndex.put(m.name(), m.index());
    }
    Map<String, Integer> nodeIndex = new HashMap<>();
    for (Node n : nodes) {
      nodeIndex.put(n.name(), n.index());
    }
    List<Current> current = current(request.current(), modelIndex, nodeIndex);
    return new Instance(
        models, nodes, profiles, nodesByProfile, current, request.moveGainThreshold());
  }

  private static Model model(
      int index, PlacementCandidate c, int profileCount, Map<String, Integer> profileIndex) {
    Option[] byProfile = new Option[profileCount];
    List<Option> options = new ArrayList<>();
    for (PlacementOption o : c.options()) {
      int p = profileIndex.get(o.hardwareProfile());
      Option option =
          new Option(
              p, o.gpusPerReplica(), o.vramPerGpuGiB(), o.diskGiB(), o.score(), c.valueOf(o));
      byProfile[p] = option;
      options.add(option);
    }
    options.sort(
        Comparator.comparingDouble(Option::value).reversed().thenComparingInt(Option::profile));
    return new Model(
        index,
        c.model(),
        c.replicas(),
        c.pinned(),
        c.lastUsed(),
        c.installedAt(),
        byProfile,
        options.toArray(Option[]::new));
  }

  private static List<Current> current(
      List<CurrentReplica> replicas,
      Map<String, Integer> modelIndex,
      Map<String, Integer> nodeIndex) {
    record Row(int model, int node, int[] gpus) {}
    List<Row> rows = new ArrayList<>();
    for (CurrentReplica r : replicas) {
      Integer node = nodeIndex.get(r.node());
      if (node != null) {
        int[] gpus = r.gpuIndices().stream().mapToInt(Integer::intValue).sorted().toArray();
        rows.add(new Row(modelIndex.get(r.model()), node, gpus));
      }
    }
    rows.sort(
        Comparator.comparingInt(Row::model)
            .thenComparingInt(Row::node)
            .thenComparing(Row::gpus, Arrays::compare));
    List<Current> current = new ArrayList<>(rows.size());
    for (Row row : rows) {
      current.add(new Current(current.size(), row.model(), row.node(), row.gpus()));
    }
    return List.copyOf(current);
  }

  private static Map<String, Integer> indexOf(String[] names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
    return index;
  }
}
