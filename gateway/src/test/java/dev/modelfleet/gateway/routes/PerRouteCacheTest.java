package dev.modelfleet.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PerRouteCacheTest {
  private final CatalogGeneration generation = new CatalogGeneration();
  private final PerRouteCache<String> cache = new PerRouteCache<>(generation);
  private final AtomicInteger computed = new AtomicInteger();

  private String describe(ModelRoute route) {
    return route.getMetadata().getName() + "#" + computed.incrementAndGet();
  }

  private static ModelRoute route(String name) {
    ModelRoute route = new ModelRoute();
    route.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName(name).build());
    return route;
  }

  @Test
  void computesOncePerRouteUntilTheGenerationMoves() {
    ModelRoute chat = route("chat");

    assertThat(cache.get(chat, this::describe)).isEqualTo("chat#1");
    assertThat(cache.get(chat, this::describe)).isEqualTo("chat#1");

    generation.advance();
    assertThat(cache.get(chat, this::describe)).isEqualTo("chat#2");
    assertThat(cache.get(chat, this::describe)).isEqualTo("chat#2");
  }

  @Test
  void keysByIdentitySoANewerObjectOfTheSameRouteIsComputedAgain() {
    ModelRoute first = route("chat");
    ModelRoute equalCopy = route("chat");

    assertThat(cache.get(first, this::describe)).isEqualTo("chat#1");
    assertThat(cache.get(equalCopy, this::describe)).isEqualTo("chat#2");
    assertThat(cache.get(first, this::describe)).isEqualTo("chat#1");
  }

  @Test
  void aCallThatStartedBeforeAChangeDoesNotKeepItsValuePastIt() {
    ModelRoute chat = route("chat");
    // The value is computed while the caches change under it: the generation moves mid-call.
    String during =
        cache.get(
            chat,
            r -> {
              generation.advance();
              return describe(r);
            });

    assertThat(during).isEqualTo("chat#1");
    assertThat(cache.get(chat, this::describe)).isEqualTo("chat#2");
  }
}
