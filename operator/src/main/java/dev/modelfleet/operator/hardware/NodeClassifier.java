package dev.modelfleet.operator.hardware;

import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Says which kinds of schedulable GPU a node offers; a node without GPUs is CPU-only. */
public final class NodeClassifier {
  static final String OS_LABEL = "kubernetes.io/os";

  private NodeClassifier() {}

  /** Every kind of GPU on the node, or a single CPU-only entry; never empty. */
  public static List<NodeGpus> classify(Node node) {
    NodeFacts facts = NodeFacts.of(node);
    List<NodeGpus> gpus = new ArrayList<>(NvidiaGpuReader.read(facts));
    AmdGpuReader.read(facts).ifPresent(gpus::add);
    if (gpus.isEmpty()) {
      gpus.add(
          NodeGpus.cpuOnly(facts.label(OS_LABEL).map(os -> Map.of(OS_LABEL, os)).orElse(Map.of())));
    }
    return gpus;
  }
}
