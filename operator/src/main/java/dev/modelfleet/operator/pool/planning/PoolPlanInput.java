package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.ranker.quality.Observation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What planning one pool reads. The controller fills it from its caches; {@code modelfleet plan}
 * from files.
 *
 * @param pool the pool
 * @param profiles every HardwareProfile (the pool's selector picks among them)
 * @param liveNodes nodes that exist now; null to trust the profiles' node lists
 * @param current the pool's own claims: where its replicas run now
 * @param others every other pool's claims
 * @param lastUsed per pool model, when it last served a request (real use only)
 * @param installedAt per pool model, when its engine was first created
 * @param observations quality evidence beyond the bundled snapshot, e.g. EvalRun results
 * @param now the time evidence is aged to
 */
public record PoolPlanInput(
    ModelPool pool,
    Collection<HardwareProfile> profiles,
    Set<String> liveNodes,
    List<Claim> current,
    List<Claim> others,
    Map<String, Instant> lastUsed,
    Map<String, Instant> installedAt,
    List<Observation> observations,
    Instant now) {

  /** Copies the collections; nulls become empty (liveNodes stays null: "trust the profiles"). */
  public PoolPlanInput {
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
    liveNodes = liveNodes == null ? null : Set.copyOf(liveNodes);
    current = current == null ? List.of() : List.copyOf(current);
    others = others == null ? List.of() : List.copyOf(others);
    lastUsed = lastUsed == null ? Map.of() : Map.copyOf(lastUsed);
    installedAt = installedAt == null ? Map.of() : Map.copyOf(installedAt);
    observations = observations == null ? List.of() : List.copyOf(observations);
  }

  /** The pool as claims name it: namespace/name. */
  public String poolKey() {
    return pool.getMetadata().getNamespace() + "/" + pool.getMetadata().getName();
  }
}
