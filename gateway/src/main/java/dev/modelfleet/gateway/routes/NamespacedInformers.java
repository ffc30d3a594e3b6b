package dev.modelfleet.gateway.routes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One kind's informers over a set of namespaces (one per namespace, or one for all), started
 * without waiting for a sync and kept retrying while the API server is unreachable.
 */
final class NamespacedInformers<T extends HasMetadata> {
  private final Set<String> namespaces;
  private final Supplier<SharedIndexInformer<T>> anyNamespace;
  private final Function<String, SharedIndexInformer<T>> inNamespace;
  private final Runnable onChange;
  private volatile List<SharedIndexInformer<T>> informers = List.of();

  NamespacedInformers(
      Set<String> namespaces,
      Supplier<SharedIndexInformer<T>> anyNamespace,
      Function<String, SharedIndexInformer<T>> inNamespace,
      Runnable onChange) {
    this.namespaces = namespaces;
    this.anyNamespace = anyNamespace;
    this.inNamespace = inNamespace;
    this.onChange = onChange;
  }

  synchronized void start() {
    if (!informers.isEmpty()) {
      return;
    }
    List<SharedIndexInformer<T>> started = new ArrayList<>();
    // Fabric8 has no multi-namespace informer: one informer per namespace, or one for all.
    if (namespaces.isEmpty()) {
      started.add(start(anyNamespace.get()));
    } else {
      for (String namespace : namespaces) {
        started.add(start(inNamespace.apply(namespace)));
      }
    }
    informers = List.copyOf(started);
    // A first list that arrived before the informers were reachable here counts as a change now.
    onChange.run();
  }

  private SharedIndexInformer<T> start(SharedIndexInformer<T> informer) {
    // Fabric8's default handler stops the informer when the first list fails or a watch ends in
    // an error. A gateway started before its CRD or RBAC, or cut off from the API server, should
    // keep retrying (unready until the first sync) instead. A resource that cannot be read would
    // fail the same way on every retry, so that one stops the informer.
    informer.exceptionHandler(
        (started, error) -> !ExceptionHandler.isDeserializationException(error));
    informer.addEventHandler(new OnAnyChange<>(onChange));
    informer.start();
    return informer;
  }

  synchronized void stop() {
    informers.forEach(SharedIndexInformer::stop);
    informers = List.of();
  }

  boolean hasSynced() {
    List<SharedIndexInformer<T>> current = informers;
    return !current.isEmpty()
        && current.stream()
            .allMatch(i -> i.hasSynced() && !i.stopped().toCompletableFuture().isDone());
  }

  List<T> list() {
    List<T> all = new ArrayList<>();
    for (SharedIndexInformer<T> informer : informers) {
      all.addAll(informer.getStore().list());
    }
    return all;
  }

  Optional<T> get(String namespace, String name) {
    for (SharedIndexInformer<T> informer : informers) {
      T found = informer.getStore().getByKey(namespace + "/" + name);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }
}
