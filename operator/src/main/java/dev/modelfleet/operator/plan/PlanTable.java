package dev.modelfleet.operator.plan;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.operator.pool.planning.ModelOutcome;
import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.ranker.placement.Eviction;
import java.util.Locale;

/** The plan for people: what is placed where, what is left out and why, and the totals. */
final class PlanTable {
  private PlanTable() {}

  static String write(ModelPool pool, PoolPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ModelPool ").append(pool.getMetadata().getName()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%-22s %-8s %-28s %4s %9s %7s %6s  %s%n",
            "MODEL",
            "ENGINE",
            "PROFILE",
            "GPUS",
            "VRAM GiB",
            "TOK/S",
            "SCORE",
            "NODES"));
    for (ModelOutcome m : plan.models()) {
      if (m.phase() == ModelPhase.Placed) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-22s %-8s %-28s %4d %9.1f %7.1f %6.1f  %s%n",
                m.name(),
                m.engine(),
                m.hardwareProfile(),
                m.gpusPerReplica(),
                m.vramPerReplicaGiB(),
                m.tokensPerSecond(),
                m.score(),
                String.join(",", m.nodes())));
      }
    }
    boolean header = false;
    for (ModelOutcome m : plan.models()) {
      if (m.phase() != ModelPhase.Placed) {
        if (!header) {
          out.append("\nNot placed:\n");
          header = true;
        }
        out.append("  ")
            .append(m.name())
            .append(": ")
            .append(m.phase())
            .append(" (")
            .append(m.reason())
            .append(") ")
            .append(m.message())
            .append('\n');
      }
    }
    if (!plan.evictions().isEmpty()) {
      out.append("\nEvicted:\n");
      for (Eviction e : plan.evictions()) {
        out.append("  ")
            .append(e.model())
            .append(": ")
            .append(e.reason().statusReason())
            .append(": ")
            .append(e.message())
            .append('\n');
      }
    }
    PoolPlan.PoolTotals t = plan.totals();
    out.append(
        String.format(
            Locale.ROOT,
            "%nTotals: %d GPU(s), %.1f of %.1f GiB GPU memory, disk %.1f GiB on the fullest node%s%n",
            t.gpus(),
            t.vramGiB(),
            t.vramBudgetGiB(),
            t.diskGiB(),
            t.diskBudgetGiB() == null
                ? ""
                : String.format(Locale.ROOT, " (budget %.0f GiB)", t.diskBudgetGiB())));
    return out.toString();
  }
}
