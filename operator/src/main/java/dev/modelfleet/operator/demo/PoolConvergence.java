package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Waits until a ModelPool's status is current for its spec and a step's condition holds on it, for
 * a few polls in a row so that a status about to be rewritten is not taken for the final one.
 */
final class PoolConvergence {
  /** Polls in a row the condition must hold: the reconciler's next pass has had time to run. */
  static final int STABLE_POLLS = 3;

  /** Between polls: the reconciler reacts in milliseconds against the in-process server. */
  static final Duration POLL = Duration.ofMillis(200);

  record Result(boolean converged, String reason, ModelPool pool) {}

  private PoolConvergence() {}

  /**
   * Polls pool {@code name} until {@code pending} returns null for {@link #STABLE_POLLS} polls in a
   * row, running {@code eachPoll} (the simulated kubelet) before every poll.
   *
   * @param pending what the step still waits for, or null when the pool is where it should be
   */
  static Result await(
      KubernetesClient client,
      String namespace,
      String name,
      Function<ModelPool, String> pending,
      Runnable eachPoll,
      Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String reason = "nothing observed yet";
    ModelPool pool = null;
    int stable = 0;
    while (System.nanoTime() < deadline) {
      eachPoll.run();
      pool = client.resources(ModelPool.class).inNamespace(namespace).withName(name).get();
      reason = pool == null ? "ModelPool " + name + " does not exist" : current(pool);
      if (reason == null) {
        reason = pending.apply(pool);
      }
      stable = reason == null ? stable + 1 : 0;
      if (stable >= STABLE_POLLS) {
        return new Result(true, "converged", pool);
      }
      Thread.sleep(POLL.toMillis());
    }
    return new Result(false, reason, pool);
  }

  private static String current(ModelPool pool) {
    var status = pool.getStatus();
    if (status == null
        || !Objects.equals(status.getObservedGeneration(), pool.getMetadata().getGeneration())) {
      return "ModelPool "
          + pool.getMetadata().getName()
          + " has no status for generation "
          + pool.getMetadata().getGeneration()
          + " yet";
    }
    return null;
  }
}
