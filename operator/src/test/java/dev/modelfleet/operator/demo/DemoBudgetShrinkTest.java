package dev.modelfleet.operator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoBudgetShrinkTest {

  @Test
  void evictsTheLowestValueModelHalfwayBetweenItsCacheAndTheLargestOther() {
    ModelPool pool =
        pool(
            placed("llama", 80, 100, false, 16.5, "a", "b"),
            placed("qwen-7b", 67, 100, false, 15.6, "a"),
            // Value 66.6 x 50/100 = 33.3: the lowest, though its score is the highest.
            placed("qwen-32b", 66.6, 50, false, 19.8, "a"),
            placed("tiny", 40, 100, false, 4.6, "c"));

    BudgetShrink.Shrink shrink = BudgetShrink.plan(pool).orElseThrow();

    assertThat(shrink.victim()).isEqualTo("qwen-32b");
    assertThat(shrink.lowestValue()).isTrue();
    assertThat(shrink.value()).isEqualTo(33.3);
    assertThat(shrink.victimDiskGiB()).isEqualTo(19.8);
    assertThat(shrink.othersMaxGiB()).isEqualTo(16.5);
    // (16.5 + 19.8) / 2 = 18.15, to a tenth.
    assertThat(shrink.diskGiBPerNode()).isEqualTo(18.2);
  }

  @Test
  void followsTheStatusRatherThanOneNumber() {
    ModelPool pool =
        pool(placed("big", 10, 100, false, 40, "a"), placed("small", 90, 100, false, 10, "b"));

    BudgetShrink.Shrink shrink = BudgetShrink.plan(pool).orElseThrow();

    assertThat(shrink.victim()).isEqualTo("big");
    assertThat(shrink.diskGiBPerNode()).isEqualTo(25.0);
  }

  @Test
  void neverPicksAPinnedModel() {
    ModelPool pool =
        pool(
            placed("pinned", 1, 100, true, 50, "a"),
            placed("other", 60, 100, false, 30, "a"),
            placed("cheap", 50, 100, false, 5, "b"));

    // "pinned" has the lowest value but is never evicted; "cheap" is next but its cache is not
    // the largest, so no budget evicts it alone; "other" is not the largest either (pinned's is).
    assertThat(BudgetShrink.plan(pool)).isEmpty();
  }

  @Test
  void triesTheNextModelUpWhenTheLowestValueOneCannotBeEvictedAlone() {
    ModelPool pool =
        pool(placed("cheap", 10, 100, false, 5, "a"), placed("big", 60, 100, false, 30, "b"));

    BudgetShrink.Shrink shrink = BudgetShrink.plan(pool).orElseThrow();

    assertThat(shrink.victim()).isEqualTo("big");
    assertThat(shrink.lowestValue()).isFalse();
    assertThat(shrink.diskGiBPerNode()).isEqualTo(17.5);
  }

  @Test
  void ignoresModelsThatAreNotPlacedAndCachesTooCloseToTell() {
    Model unfit = placed("unfit", 1, 100, false, 500);
    unfit.status().setPhase(ModelPhase.Unfit);
    ModelPool pool =
        pool(unfit, placed("a", 10, 100, false, 20.0, "n"), placed("b", 20, 100, false, 19.8, "m"));

    // 19.8 and 20.0 are within the status's rounding margin of each other.
    assertThat(BudgetShrink.plan(pool)).isEmpty();
  }

  @Test
  void noStatusNoShrink() {
    ModelPool pool = pool();
    pool.setStatus(null);

    assertThat(BudgetShrink.plan(pool)).isEmpty();
  }

  /** One model of the pool: what its spec asks and what its status reports. */
  private record Model(PoolModel spec, ModelStatus status) {}

  private static ModelPool pool(Model... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName("chat");
    pool.setSpec(new ModelPoolSpec());
    pool.getSpec().setModels(new ArrayList<>(Stream.of(models).map(Model::spec).toList()));
    ModelPoolStatus status = new ModelPoolStatus();
    status.setModels(new ArrayList<>(Stream.of(models).map(Model::status).toList()));
    pool.setStatus(status);
    return pool;
  }

  private static Model placed(
      String name, double score, int priority, boolean pinned, double diskGiB, String... nodes) {
    PoolModel spec = new PoolModel();
    spec.setName(name);
    spec.setPriority(priority);
    spec.setPinned(pinned);
    ModelStatus status = new ModelStatus();
    status.setName(name);
    status.setScore(score);
    status.setCacheDiskGiB(diskGiB);
    status.setNodes(new ArrayList<>(List.of(nodes)));
    status.setPhase(nodes.length == 0 ? ModelPhase.Pending : ModelPhase.Serving);
    return new Model(spec, status);
  }
}
