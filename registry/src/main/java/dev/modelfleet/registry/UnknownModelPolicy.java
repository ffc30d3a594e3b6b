package dev.modelfleet.registry;

/** What to do with a model no registry source knows (a ModelPool's {@code unknownModels}). */
public enum UnknownModelPolicy {
  /** Serve it on overrides and conservative defaults, silently. */
  ALLOW,
  /** Serve it, and say so (a Warning condition and Event in the operator). */
  WARN,
  /** Do not serve it; the reason says what to add. */
  REJECT
}
