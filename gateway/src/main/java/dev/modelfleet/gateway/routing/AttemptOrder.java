package dev.modelfleet.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The order a request tries backends in: a weighted random primary; then up to {@code retries}
 * other primaries, each again drawn by weight from those left; then the fallbacks in order. A
 * backend is never tried twice.
 */
public final class AttemptOrder {
  private AttemptOrder() {}

  /** The backends to try, first to last. */
  public static List<Backend> of(RoutePlan plan, RandomGenerator random) {
    List<Backend> left = new ArrayList<>(plan.primaries());
    List<Backend> order = new ArrayList<>();
    int primaryAttempts = 1 + Math.max(0, plan.retries());
    while (order.size() < primaryAttempts && !left.isEmpty()) {
      order.add(left.remove(pick(left, random)));
    }
    // A fallback that is also a primary already tried adds nothing.
    Set<String> tried = new LinkedHashSet<>();
    order.forEach(b -> tried.add(b.name()));
    for (Backend fallback : plan.fallbacks()) {
      if (tried.add(fallback.name())) {
        order.add(fallback);
      }
    }
    return order;
  }

  private static int pick(List<Backend> backends, RandomGenerator random) {
    long total = 0;
    for (Backend b : backends) {
      total += b.weight();
    }
    if (total <= 0) {
      return 0;
    }
    long ticket = random.nextLong(total);
    for (int i = 0; i < backends.size(); i++) {
      ticket -= backends.get(i).weight();
      if (ticket < 0) {
        return i;
      }
    }
    return backends.size() - 1;
  }
}
