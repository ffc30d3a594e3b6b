package dev.modelfleet.operator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.pool.Eviction;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole demo against its embedded API server with the real operator: the example pool is
 * placed, serves once the simulated kubelet reports its engines ready, and loses its lowest-value
 * model to the shrunk disk budget.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedApiServerResource.class, restrictToAnnotatedClass = true)
class DemoRunTest {
  /** What the demo itself allows by default when run by hand, with room for a busy build host. */
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @Inject KubernetesClient client;

  @Test
  void placesTheExamplePoolServesItAndEvictsItsLowestValueModel() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        new DemoRun(
                client,
                new DemoOptions(false, examples(), TIMEOUT),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run();

    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8) + output).isZero();
    ModelPool pool =
        client
            .resources(ModelPool.class)
            .inNamespace(DemoApplication.NAMESPACE)
            .withName("chat")
            .get();
    List<Eviction> evictions = pool.getStatus().getEvictions();
    assertThat(evictions).hasSize(1);
    String victim = evictions.get(0).getModel();
    assertThat(evictions.get(0).getReason()).isEqualTo("LowestScore");
    assertThat(pool.getSpec().getBudgets().getDiskGiBPerNode()).isLessThan(400.0);

    List<ModelStatus> placed =
        pool.getStatus().getModels().stream().filter(m -> !m.getNodes().isEmpty()).toList();
    assertThat(placed).isNotEmpty().allMatch(m -> m.getPhase() == ModelPhase.Serving);
    assertThat(placed).extracting(ModelStatus::getName).doesNotContain(victim);
    assertThat(pool.getStatus().getModels())
        .filteredOn(m -> m.getName().equals(victim))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getPhase()).isEqualTo(ModelPhase.Evicted);
              assertThat(m.getReason()).isEqualTo("LowestScore");
            });
    // The evicted model's engine is gone; the others' Deployments remain, marked ready.
    List<Deployment> engines =
        client.apps().deployments().inNamespace(DemoApplication.NAMESPACE).list().getItems();
    assertThat(engines)
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(
            placed.stream().map(m -> "chat-" + m.getName()).toList());

    assertThat(output)
        .contains(SimulatedKubelet.LABEL)
        .contains("Budget shrink: spec.budgets.diskGiBPerNode 400 -> ")
        .contains("Evictions (newest first):")
        .containsPattern("(?m)^  " + victim + " +LowestScore +over budget");
  }

  private static Path examples() {
    // Surefire runs in the operator module; an IDE may run at the repository root.
    Path fromModule = Path.of("..", "examples");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("examples");
  }
}
