package dev.modelfleet.gateway.routes;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler that runs one action on every add, update and delete. */
final class OnAnyChange<T> implements ResourceEventHandler<T> {
  private final Runnable action;

  OnAnyChange(Runnable action) {
    this.action = action;
  }

  @Override
  public void onAdd(T obj) {
    action.run();
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    action.run();
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    action.run();
  }
}
