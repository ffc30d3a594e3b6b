package dev.modelfleet.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttemptOrderTest {
  /** Draws for the distribution check. */
  private static final int DRAWS = 100_000;

  /**
   * Chi-square critical value for 2 degrees of freedom at p = 0.001 (any statistics table): a
   * correct weighted choice exceeds it once in a thousand seeds; the seed is fixed, so never here.
   */
  private static final double CHI_SQUARE_2DF_P001 = 13.816;

  private static Backend backend(String name, int weight) {
    return new Backend(name, "http://" + name, name, Optional.empty(), weight, Optional.empty(), 0);
  }

  private static RoutePlan plan(List<Backend> primaries, List<Backend> fallbacks, int retries) {
    return new RoutePlan(
        new ModelRoute(), "ns/r", primaries, fallbacks, retries, Duration.ofSeconds(60));
  }

  @Test
  void firstChoicesFollowTheWeights() {
    List<Backend> primaries = List.of(backend("a", 1), backend("b", 2), backend("c", 7));
    RoutePlan plan = plan(primaries, List.of(), 0);
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      counts.merge(AttemptOrder.of(plan, random).get(0).name(), 1, Integer::sum);
    }

    double chiSquare = 0;
    for (Backend b : primaries) {
      double expected = DRAWS * b.weight() / 10.0;
      double observed = counts.getOrDefault(b.name(), 0);
      chiSquare += (observed - expected) * (observed - expected) / expected;
    }
    assertThat(chiSquare).isLessThan(CHI_SQUARE_2DF_P001);
  }

  @Test
  void retriesTryOtherPrimariesThenFallbacksInOrderNeverTwice() {
    Backend a = backend("a", 1);
    Backend b = backend("b", 1);
    Backend c = backend("c", 1);
    Backend f1 = backend("f1", 0);
    Backend f2 = backend("f2", 0);
    RoutePlan plan = plan(List.of(a, b, c), List.of(f1, b, f2), 1);

    List<Backend> order = AttemptOrder.of(plan, new SplittableRandom(1));

    List<Backend> primariesTried = order.subList(0, 2);
    assertThat(primariesTried).doesNotHaveDuplicates().isSubsetOf(a, b, c);
    // b is skipped among the fallbacks when it was already tried as a primary.
    List<Backend> expectedFallbacks =
        primariesTried.contains(b) ? List.of(f1, f2) : List.of(f1, b, f2);
    assertThat(order.subList(2, order.size())).isEqualTo(expectedFallbacks);
  }

  @Test
  void retriesBeyondThePrimariesAreHarmless() {
    RoutePlan plan = plan(List.of(backend("a", 1)), List.of(backend("f", 0)), 5);

    assertThat(AttemptOrder.of(plan, new SplittableRandom(3)))
        .extracting(Backend::name)
        .containsExactly("a", "f");
  }

  @Test
  void noHealthyBackendMeansNothingToTry() {
    assertThat(AttemptOrder.of(plan(List.of(), List.of(), 1), new SplittableRandom(3))).isEmpty();
  }
}
