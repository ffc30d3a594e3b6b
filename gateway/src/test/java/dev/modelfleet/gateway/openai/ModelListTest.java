package dev.modelfleet.gateway.openai;

import static dev.modelfleet.gateway.testing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.openai.ModelList.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelListTest {

  @Test
  void entriesAreSortedByIdAndCarryCreationTime() {
    ModelList list =
        ModelList.of(
            List.of(
                created(route("a", "b", "beta"), "2025-01-02T00:00:00Z"),
                created(route("a", "a", "alpha"), "2025-01-01T00:00:00Z")));

    assertThat(list.object()).isEqualTo("list");
    assertThat(list.data())
        .containsExactly(
            new Model("alpha", "model", 1735689600L, "modelfleet"),
            new Model("beta", "model", 1735776000L, "modelfleet"));
  }

  @Test
  void aModelNameClaimedTwiceIsListedOnceWithTheOldestClaim() {
    ModelList list =
        ModelList.of(
            List.of(
                created(route("team-b", "newer", "chat"), "2025-03-01T00:00:00Z"),
                created(route("team-a", "older", "chat"), "2025-01-01T00:00:00Z")));

    assertThat(list.data()).containsExactly(new Model("chat", "model", 1735689600L, "modelfleet"));
  }

  @Test
  void routesBeingDeletedOrWithoutAModelAreLeftOut() {
    ModelRoute deleting = created(route("a", "deleting", "gone"), "2025-01-01T00:00:00Z");
    deleting.getMetadata().setDeletionTimestamp("2025-01-02T00:00:00Z");
    ModelRoute noModel = route("a", "blank", " ");
    ModelRoute noSpec = route("a", "empty", "x");
    noSpec.setSpec(null);

    assertThat(ModelList.of(List.of(deleting, noModel, noSpec)).data()).isEmpty();
  }

  @Test
  void aMissingCreationTimestampReadsAsZero() {
    assertThat(ModelList.of(List.of(route("a", "new", "fresh"))).data())
        .containsExactly(new Model("fresh", "model", 0L, "modelfleet"));
  }

  private static ModelRoute created(ModelRoute route, String timestamp) {
    route.getMetadata().setCreationTimestamp(timestamp);
    return route;
  }
}
