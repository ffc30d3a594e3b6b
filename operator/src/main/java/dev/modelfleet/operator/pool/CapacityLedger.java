package dev.modelfleet.operator.pool;

import dev.modelfleet.operator.pool.planning.Claim;
import dev.modelfleet.operator.pool.planning.PoolPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The GPU memory and disk every pool holds, so that pools reconciled at the same time never plan
 * the same capacity: planning a pool and recording its claims happen under one lock. The operator
 * runs as one active leader, so this in-memory ledger is authoritative; pools' statuses rebuild it
 * after a restart ({@link ClaimsFromStatus}).
 */
@ApplicationScoped
public class CapacityLedger {
  private final Map<String, List<Claim>> claimsByPool = new HashMap<>();

  /**
   * Plans {@code pool} against the other pools' claims and records its new claims, atomically.
   *
   * @param pool namespace/name
   * @param seed every pool's claims from status, used for pools the ledger has not seen yet
   * @param planner plans the pool given (its current claims, the others' claims)
   * @return the plan, and whether the pool now holds less than before
   */
  public synchronized Outcome planAndClaim(
      String pool, Map<String, List<Claim>> seed, Set<String> existingPools, Planner planner) {
    claimsByPool.keySet().retainAll(existingPools);
    seed.forEach(claimsByPool::putIfAbsent);
    List<Claim> current = claimsByPool.getOrDefault(pool, List.of());
    List<Claim> others = new ArrayList<>();
    claimsByPool.forEach(
        (name, claims) -> {
          if (!name.equals(pool)) {
            others.addAll(claims);
          }
        });
    PoolPlan plan = planner.plan(current, others);
    boolean released = !plan.claims().containsAll(current);
    claimsByPool.put(pool, List.copyOf(plan.claims()));
    return new Outcome(plan, released);
  }

  /** Forgets a deleted pool's claims; true when it held any. */
  public synchronized boolean release(String pool) {
    List<Claim> held = claimsByPool.remove(pool);
    return held != null && !held.isEmpty();
  }

  /** The claims every pool holds now. */
  public synchronized Map<String, List<Claim>> snapshot() {
    return Map.copyOf(claimsByPool);
  }

  /** Plans one pool from its own and the other pools' claims. */
  @FunctionalInterface
  public interface Planner {
    PoolPlan plan(List<Claim> current, List<Claim> others);
  }

  /** A plan and whether it gave capacity back (so other pools waiting for room are re-planned). */
  public record Outcome(PoolPlan plan, boolean released) {}

  static Map<String, List<Claim>> group(Collection<Claim> claims, Function<Claim, String> key) {
    Map<String, List<Claim>> out = new HashMap<>();
    claims.forEach(c -> out.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
    return out;
  }
}
