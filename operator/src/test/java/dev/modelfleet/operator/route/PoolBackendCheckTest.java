package dev.modelfleet.operator.route;

import static dev.modelfleet.operator.route.Routes.modelStatus;
import static dev.modelfleet.operator.route.Routes.pool;
import static dev.modelfleet.operator.route.Routes.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ServedAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolBackendCheckTest {
  private static final String NS = "team";

  @Test
  void aMissingPoolIsPoolNotFound() {
    BackendState state = PoolBackendCheck.check(ref("chat", "llama", null), null);
    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo(RouteReasons.POOL_NOT_FOUND);
    assertThat(state.message()).contains("chat");
  }

  @Test
  void aModelThePoolDoesNotListIsModelNotInPool() {
    BackendState state =
        PoolBackendCheck.check(ref("chat", "mistral", null), pool(NS, "chat", "llama"));
    assertThat(state.reason()).isEqualTo(RouteReasons.MODEL_NOT_IN_POOL);
    assertThat(state.message()).contains("mistral").contains("spec.models");
  }

  @Test
  void aModelWithoutStatusIsNotServingYet() {
    BackendState state =
        PoolBackendCheck.check(ref("chat", "llama", null), pool(NS, "chat", "llama"));
    assertThat(state.reason()).isEqualTo(RouteReasons.MODEL_NOT_SERVING);
    assertThat(state.message()).contains("has not reported");
  }

  @Test
  void aPendingModelIsNotServingWithItsPhaseAndReason() {
    ModelPool pool = pool(NS, "chat", "llama");
    modelStatus(pool, "llama", ModelPhase.Unfit, 0, "InsufficientVram");
    BackendState state = PoolBackendCheck.check(ref("chat", "llama", null), pool);
    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo(RouteReasons.MODEL_NOT_SERVING);
    assertThat(state.message()).contains("Unfit").contains("InsufficientVram");
    assertThat(state.readyEndpoints()).isZero();
  }

  @Test
  void servingWithoutAReadyReplicaIsNotReady() {
    ModelPool pool = pool(NS, "chat", "llama");
    modelStatus(pool, "llama", ModelPhase.Serving, 0, "Serving");
    assertThat(PoolBackendCheck.check(ref("chat", "llama", null), pool).ready()).isFalse();
  }

  @Test
  void servingWithReadyReplicasIsReady() {
    ModelPool pool = pool(NS, "chat", "llama");
    modelStatus(pool, "llama", ModelPhase.Serving, 2, "Serving");
    BackendState state = PoolBackendCheck.check(ref("chat", "llama", null), pool);
    assertThat(state.ready()).isTrue();
    assertThat(state.reason()).isNull();
    assertThat(state.readyEndpoints()).isEqualTo(2);
  }

  @Test
  void anAdapterMustBeServed() {
    ModelPool pool = pool(NS, "chat", "llama");
    ServedAdapter sql = new ServedAdapter();
    sql.setName("sql");
    pool.getSpec().getModels().get(0).setAdapters(List.of(sql));
    var status = modelStatus(pool, "llama", ModelPhase.Serving, 1, "Serving");

    BackendState declared = PoolBackendCheck.check(ref("chat", "llama", "sql"), pool);
    assertThat(declared.reason()).isEqualTo(RouteReasons.ADAPTER_NOT_SERVED);
    assertThat(declared.message()).contains("not served yet");
    BackendState unknown = PoolBackendCheck.check(ref("chat", "llama", "legal"), pool);
    assertThat(unknown.reason()).isEqualTo(RouteReasons.ADAPTER_NOT_SERVED);
    assertThat(unknown.message()).contains("has no adapter legal");

    status.setAdapters(List.of("sql"));
    assertThat(PoolBackendCheck.check(ref("chat", "llama", "sql"), pool).ready()).isTrue();
  }

  @Test
  void aPoolBeingDeletedIsNotReady() {
    ModelPool pool = pool(NS, "chat", "llama");
    modelStatus(pool, "llama", ModelPhase.Serving, 1, "Serving");
    pool.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    assertThat(PoolBackendCheck.check(ref("chat", "llama", null), pool).reason())
        .isEqualTo(RouteReasons.POOL_DELETING);
  }
}
