package dev.modelfleet.operator.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.operator.pool.planning.ModelOutcome;
import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.ranker.placement.Eviction;

/**
 * The plan as JSON: {@code placements}, {@code evictions}, {@code unfit} (every model not placed,
 * with its phase and reason) and {@code totals}. A stable contract: GitOps checks parse it, and
 * {@code --current} reads its placements back.
 */
final class PlanJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  static String write(PoolPlan plan) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode placements = root.putArray("placements");
    ArrayNode evictions = root.putArray("evictions");
    ArrayNode unfit = root.putArray("unfit");
    for (ModelOutcome m : plan.models()) {
      if (m.phase() == ModelPhase.Placed) {
        ObjectNode p = placements.addObject();
        p.put("model", m.name());
        p.put("engine", m.engine());
        p.put("hardwareProfile", m.hardwareProfile());
        ArrayNode nodes = p.putArray("nodes");
        m.nodes().forEach(nodes::add);
        p.put("gpus", m.gpusPerReplica());
        p.put("vramGiB", round(m.vramPerReplicaGiB()));
        p.put("diskGiB", round(m.diskGiB()));
        p.put("tokensPerSecond", round(m.tokensPerSecond()));
        p.put("score", round(m.score()));
        p.put("reason", m.reason());
      } else {
        ObjectNode u = unfit.addObject();
        u.put("model", m.name());
        u.put("phase", m.phase().name());
        u.put("reason", m.reason());
        u.put("message", m.message());
      }
    }
    for (Eviction e : plan.evictions()) {
      ObjectNode ev = evictions.addObject();
      ev.put("model", e.model());
      ev.put("replicas", e.replicasRemoved());
      ev.put("reason", e.reason().statusReason());
      ev.put("message", e.message());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("gpus", plan.totals().gpus());
    totals.put("vramGiB", round(plan.totals().vramGiB()));
    totals.put("vramBudgetGiB", round(plan.totals().vramBudgetGiB()));
    totals.put("diskGiB", round(plan.totals().diskGiB()));
    if (plan.totals().diskBudgetGiB() != null) {
      totals.put("diskBudgetGiB", plan.totals().diskBudgetGiB());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plan as JSON", e);
    }
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
