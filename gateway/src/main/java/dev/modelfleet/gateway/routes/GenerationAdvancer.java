package dev.modelfleet.gateway.routes;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** An informer handler that advances the catalog generation on every add, update and delete. */
final class GenerationAdvancer<T> implements ResourceEventHandler<T> {
  private final CatalogGeneration generation;

  GenerationAdvancer(CatalogGeneration generation) {
    this.generation = generation;
  }

  @Override
  public void onAdd(T obj) {
    generation.advance();
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    generation.advance();
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    generation.advance();
  }
}
