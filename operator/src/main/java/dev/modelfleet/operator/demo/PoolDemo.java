package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolBudgets;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ModelPool part of the demo, in three steps: the pool as the controller placed it, its engines
 * serving once the simulated kubelet reports them ready, and an eviction forced by a smaller disk
 * budget. Each step waits for the controller and prints the pool.
 */
final class PoolDemo {
  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final PrintStream out;
  private final SimulatedKubelet kubelet;

  PoolDemo(KubernetesClient client, String namespace, String name, PrintStream out) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.out = out;
    this.kubelet = new SimulatedKubelet(client, namespace, out);
  }

  /**
   * Runs the three steps; the first that does not converge in time ends the run with its reason.
   */
  PoolConvergence.Result run(Deadline deadline) throws InterruptedException {
    heading("ModelPool " + name + " placed on the simulated fleet (engines starting)");
    PoolConvergence.Result placed = await(PoolDemo::placementPending, () -> {}, deadline);
    if (!placed.converged()) {
      return placed;
    }
    print(placed.pool());

    heading(
        "Simulated kubelet: engine Deployments reported ready through the API (no Pod runs in"
            + " the embedded API server)");
    PoolConvergence.Result serving =
        await(PoolDemo::servingPending, kubelet::markEnginesReady, deadline);
    if (!serving.converged()) {
      return serving;
    }
    out.println();
    print(serving.pool());

    Optional<BudgetShrink.Shrink> shrink = BudgetShrink.plan(serving.pool());
    if (shrink.isEmpty()) {
      return new PoolConvergence.Result(
          false,
          "no disk budget evicts one model alone from pool "
              + name
              + ": no unpinned placed model has a model cache larger than every other placed"
              + " model's",
          serving.pool());
    }
    BudgetShrink.Shrink s = shrink.get();
    heading(
        String.format(
            "Budget shrink: spec.budgets.diskGiBPerNode %s -> %s GiB",
            PoolReport.number(diskBudget(serving.pool())), PoolReport.number(s.diskGiBPerNode())));
    out.printf(
        "%s is the unpinned model of %s value (score x priority/100 = %s). Its model cache takes"
            + " %s GiB per node, no other placed model's more than %s GiB: under the new budget"
            + " it fits on no node and is evicted, while the others still fit (the planner may"
            + " move some to make room).%n%n",
        s.victim(),
        s.lowestValue() ? "lowest" : "lowest evictable",
        PoolReport.number(s.value()),
        PoolReport.number(s.victimDiskGiB()),
        PoolReport.number(s.othersMaxGiB()));
    client
        .resources(ModelPool.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(pool -> withDiskBudget(pool, s.diskGiBPerNode()));
    PoolConvergence.Result evicted =
        await(pool -> evictionPending(pool, s.victim()), kubelet::markEnginesReady, deadline);
    if (evicted.converged()) {
      print(evicted.pool());
    }
    return evicted;
  }

  private PoolConvergence.Result await(
      Function<ModelPool, String> pending, Runnable eachPoll, Deadline deadline)
      throws InterruptedException {
    return PoolConvergence.await(client, namespace, name, pending, eachPoll, deadline.remaining());
  }

  /** Null once every model has a final placement and every placed engine exists. */
  static String placementPending(ModelPool pool) {
    if (pool.getStatus().getModels().stream().noneMatch(m -> !m.getNodes().isEmpty())) {
      return "no model of pool " + pool.getMetadata().getName() + " is placed";
    }
    return pool.getStatus().getModels().stream()
        .filter(m -> m.getPhase() == ModelPhase.Placed)
        .findFirst()
        .map(m -> "model " + m.getName() + " is placed but its engine is not created yet")
        .orElse(null);
  }

  /** Null once every placed model serves. */
  static String servingPending(ModelPool pool) {
    return pool.getStatus().getModels().stream()
        .filter(m -> !m.getNodes().isEmpty())
        .filter(m -> m.getPhase() != ModelPhase.Serving)
        .findFirst()
        .map(PoolDemo::notServing)
        .orElse(null);
  }

  /**
   * Null once {@code victim} is in the pool's evictions and every model still placed serves (the
   * victim may be placed again where the new budget leaves room).
   */
  static String evictionPending(ModelPool pool, String victim) {
    boolean evicted =
        pool.getStatus().getEvictions().stream().anyMatch(e -> victim.equals(e.getModel()));
    return evicted ? servingPending(pool) : "model " + victim + " is not evicted yet";
  }

  private static String notServing(ModelStatus m) {
    return "model " + m.getName() + " is " + m.getPhase() + " (" + m.getReason() + ")";
  }

  private static Double diskBudget(ModelPool pool) {
    PoolBudgets budgets = pool.getSpec().getBudgets();
    return budgets == null ? null : budgets.getDiskGiBPerNode();
  }

  private static ModelPool withDiskBudget(ModelPool pool, double diskGiBPerNode) {
    if (pool.getSpec().getBudgets() == null) {
      pool.getSpec().setBudgets(new PoolBudgets());
    }
    pool.getSpec().getBudgets().setDiskGiBPerNode(diskGiBPerNode);
    return pool;
  }

  private void heading(String text) {
    out.printf("%n== %s ==%n%n", text);
  }

  private void print(ModelPool pool) {
    PoolReport.print(out, pool, client.resources(HardwareProfile.class).list().getItems());
  }
}
