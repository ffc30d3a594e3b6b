package dev.modelfleet.crds.v1alpha1.pool;

/** Where one model of a pool stands. */
public enum ModelPhase {
  Pending,
  Placed,
  Downloading,
  Serving,
  Evicted,
  Unfit,
  Failed
}
