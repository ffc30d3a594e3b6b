package dev.modelfleet.operator.runtime;

import jakarta.inject.Singleton;

/**
 * Whether the operator is stopping. A reconcile still running then fails because its client and
 * informers are being closed; that failure says nothing about the resource, so it is neither
 * written to its status nor recorded as an Event.
 */
@Singleton
public class ShutdownState {
  private volatile boolean stopping;

  /** Marks the operator as stopping; called before the controllers stop. */
  void stopping() {
    stopping = true;
  }

  /** Whether the operator is stopping. */
  public boolean isStopping() {
    return stopping;
  }
}
