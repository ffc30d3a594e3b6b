package dev.modelfleet.ranker.placement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rejects a request the solver cannot read, naming the field and what to pass instead. */
final class RequestValidator {
  /** The highest priority: ten times the neutral 100, enough to outrank any score difference. */
  static final int MAX_PRIORITY = 1000;

  /** The ranker's scores run 0-100. */
  static final double MAX_SCORE = 100;

  private RequestValidator() {}

  static void validate(PlacementRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("placement request is null");
    }
    Set<String> models = validateCandidates(request.candidates());
    validateNodes(request.nodes());
    validateCurrent(request.current(), models);
    double threshold = request.moveGainThreshold();
    if (!Double.isFinite(threshold) || threshold < 0) {
      throw new IllegalArgumentException(
          "moveGainThreshold must be a finite fraction >= 0 (e.g. "
              + PlacementRequest.DEFAULT_MOVE_GAIN_THRESHOLD
              + "), got "
              + threshold);
    }
  }

  private static Set<String> validateCandidates(List<PlacementCandidate> candidates) {
    requireList(candidates, "candidates");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      PlacementCandidate c = candidates.get(i);
      String at = "candidates[" + i + "]";
      if (c == null) {
        throw new IllegalArgumentException(at + " is null");
      }
      requireName(c.model(), at + ".model");
      at = "candidates[" + c.model() + "]";
      if (!names.add(c.model())) {
        throw new IllegalArgumentException(
            at + " appears twice: give each model one candidate with its replicas");
      }
      if (c.replicas() < 0) {
        throw new IllegalArgumentException(
            at + ".replicas must be >= 0 (0 to remove the model), got " + c.replicas());
      }
      if (c.priority() < 0 || c.priority() > MAX_PRIORITY) {
        throw new IllegalArgumentException(
            at
                + ".priority must be between 0 and "
                + MAX_PRIORITY
                + " (100 is neutral), got "
                + c.priority());
      }
      validateOptions(c.options(), at);
    }
    return names;
  }

  private static void validateOptions(List<PlacementOption> options, String owner) {
    requireList(options, owner + ".options");
    Set<String> profiles = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      PlacementOption o = options.get(i);
      String at = owner + ".options[" + i + "]";
      if (o == null) {
        throw new IllegalArgumentException(at + " is null");
      }
      requireName(o.hardwareProfile(), at + ".hardwareProfile");
      at = owner + ".options[" + o.hardwareProfile() + "]";
      if (!profiles.add(o.hardwareProfile())) {
        throw new IllegalArgumentException(
            at + " appears twice: give one option per hardware profile");
      }
      if (o.gpusPerReplica() < 1) {
        throw new IllegalArgumentException(
            at + ".gpusPerReplica must be at least 1, got " + o.gpusPerReplica());
      }
      requireNonNegative(o.vramPerGpuGiB(), at + ".vramPerGpuGiB");
      requireNonNegative(o.diskGiB(), at + ".diskGiB");
      if (!Double.isFinite(o.score()) || o.score() < 0 || o.score() > MAX_SCORE) {
        throw new IllegalArgumentException(
            at + ".score must be between 0 and " + MAX_SCORE + ", got " + o.score());
      }
    }
  }

  private static void validateNodes(List<PlacementNode> nodes) {
    requireList(nodes, "nodes");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      PlacementNode n = nodes.get(i);
      String at = "nodes[" + i + "]";
      if (n == null) {
        throw new IllegalArgumentException(at + " is null");
      }
      requireName(n.name(), at + ".name");
      at = "nodes[" + n.name() + "]";
      if (!names.add(n.name())) {
        throw new IllegalArgumentException(at + " appears twice: node names must be unique");
      }
      requireName(n.hardwareProfile(), at + ".hardwareProfile");
      requireList(n.freeVramGiBPerGpu(), at + ".freeVramGiBPerGpu");
      for (int g = 0; g < n.freeVramGiBPerGpu().size(); g++) {
        Double free = n.freeVramGiBPerGpu().get(g);
        String gpu = at + ".freeVramGiBPerGpu[" + g + "]";
        if (free == null) {
          throw new IllegalArgumentException(gpu + " is null: pass 0 for a GPU with nothing free");
        }
        requireNonNegative(free, gpu);
      }
      requireNonNegative(n.freeDiskGiB(), at + ".freeDiskGiB");
    }
  }

  private static void validateCurrent(List<CurrentReplica> current, Set<String> models) {
    requireList(current, "current");
    for (int i = 0; i < current.size(); i++) {
      CurrentReplica r = current.get(i);
      String at = "current[" + i + "]";
      if (r == null) {
        throw new IllegalArgumentException(at + " is null");
      }
      requireName(r.model(), at + ".model");
      if (!models.contains(r.model())) {
        throw new IllegalArgumentException(
            at
                + ".model '"
                + r.model()
                + "' is not a candidate: pass every running model as a candidate"
                + " (with replicas 0 to remove it)");
      }
      requireName(r.node(), at + ".node");
      requireList(r.gpuIndices(), at + ".gpuIndices");
      if (r.gpuIndices().isEmpty()) {
        throw new IllegalArgumentException(at + ".gpuIndices is empty: a replica uses a GPU");
      }
      Set<Integer> seen = new HashSet<>();
      for (Integer gpu : r.gpuIndices()) {
        if (gpu == null || gpu < 0) {
          throw new IllegalArgumentException(
              at + ".gpuIndices must hold GPU indices >= 0, got " + r.gpuIndices());
        }
        if (!seen.add(gpu)) {
          throw new IllegalArgumentException(
              at + ".gpuIndices lists GPU " + gpu + " twice: " + r.gpuIndices());
        }
      }
    }
  }

  private static void requireList(List<?> list, String field) {
    if (list == null) {
      throw new IllegalArgumentException(field + " is null: pass an empty list instead");
    }
  }

  private static void requireName(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank name, got " + quote(name));
    }
  }

  private static void requireNonNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          field + " must be a finite number of GiB >= 0 (clamp at 0), got " + value);
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : "'" + s + "'";
  }
}
