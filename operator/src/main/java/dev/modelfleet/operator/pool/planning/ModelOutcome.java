package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.FactSource;
import java.util.List;

/**
 * What the plan decided for one pool model: its phase before the engines report (Placed, Pending,
 * Evicted or Unfit), where, and with which estimates.
 *
 * @param name the pool model
 * @param phase Placed, Pending, Evicted or Unfit
 * @param engine the engine label (vllm, sglang, ollama), or null when none was chosen
 * @param hardwareProfile the profile its replicas run on, or null
 * @param nodes one entry per placed replica
 * @param gpusPerReplica tensor-parallel size, or 0
 * @param vramPerReplicaGiB estimated GPU memory of one replica, or 0
 * @param tokensPerSecond estimated single-sequence decode speed, or 0
 * @param score the ranker's 0-100 score on the chosen (or best) profile, or 0
 * @param diskGiB model-cache disk per node
 * @param reason CamelCase reason
 * @param message readable explanation
 * @param facts the facts used and their sources
 */
public record ModelOutcome(
    String name,
    ModelPhase phase,
    String engine,
    String hardwareProfile,
    List<String> nodes,
    int gpusPerReplica,
    double vramPerReplicaGiB,
    double tokensPerSecond,
    double score,
    double diskGiB,
    String reason,
    String message,
    List<FactSource> facts) {

  /** Copies the lists. */
  public ModelOutcome {
    nodes = List.copyOf(nodes);
    facts = List.copyOf(facts);
  }

  /** A model that is not placed, with no estimates. */
  static ModelOutcome notPlaced(
      String name, ModelPhase phase, String reason, String message, List<FactSource> facts) {
    return new ModelOutcome(
        name, phase, null, null, List.of(), 0, 0, 0, 0, 0, reason, message, facts);
  }
}
