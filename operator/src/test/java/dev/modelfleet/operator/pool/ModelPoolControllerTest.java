package dev.modelfleet.operator.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.HardwareProfileSelector;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.hardware.TestNodes;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ModelPool controller against a real API server (with the garbage collector and the Deployment
 * controller, but no scheduler or kubelet, so engines never become ready), as the chart's RBAC
 * allows it.
 */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RealApiServerResource.class, restrictToAnnotatedClass = true)
class ModelPoolControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String NS = "pools";
  private static final long L4_MIB = 23034;
  private static final long H100_MIB = 81559;

  private final KubernetesClient admin = AdminClient.create();

  @BeforeEach
  void fleetOfOneH100NodeAndTwoL4Nodes() {
    admin.resources(ModelPool.class).inAnyNamespace().delete();
    await()
        .atMost(WAIT)
        .until(() -> admin.resources(ModelPool.class).inAnyNamespace().list().getItems().isEmpty());
    admin.nodes().delete();
    await().atMost(WAIT).until(() -> admin.nodes().list().getItems().isEmpty());
    admin.resources(HardwareProfile.class).delete();
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    create(TestNodes.nvidia("h100-a", "NVIDIA-H100-80GB-HBM3", 8, H100_MIB));
    create(TestNodes.nvidia("l4-a", "NVIDIA-L4", 1, L4_MIB));
    create(TestNodes.nvidia("l4-b", "NVIDIA-L4", 1, L4_MIB));
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.resources(HardwareProfile.class).list().getItems().stream()
                        .mapToInt(p -> p.getStatus() == null ? 0 : p.getStatus().getNodes().size())
                        .sum()
                    == 3);
  }

  @Test
  void placesRendersAndRestoresWhatWasDeletedOrEdited() {
    ModelPool pool =
        pool("chat", model("llama", "meta-llama/Llama-3.1-8B-Instruct", 8192, 1), huge());
    admin.resource(pool).create();

    ModelStatus llama = awaitModel("chat", "llama", m -> m.getPhase() == ModelPhase.Downloading);
    assertThat(llama.getEngine()).isEqualTo("vllm");
    assertThat(llama.getNodes()).hasSize(1);
    assertThat(llama.getEndpoint()).isEqualTo("http://chat-llama.pools.svc:8000");
    ModelStatus huge = awaitModel("chat", "huge", m -> m.getPhase() == ModelPhase.Unfit);
    assertThat(huge.getReason()).isEqualTo("InsufficientVram");
    Deployment deployment = deployment("chat-llama");
    assertThat(deployment.getMetadata().getOwnerReferences())
        .anyMatch(o -> o.getKind().equals("ModelPool") && o.getName().equals("chat"));
    assertThat(admin.services().inNamespace(NS).withName("chat-llama").get()).isNotNull();
    assertThat(admin.persistentVolumeClaims().inNamespace(NS).withName("chat-llama").get())
        .isNotNull();
    ModelPool placed = admin.resources(ModelPool.class).inNamespace(NS).withName("chat").get();
    assertThat(placed.getStatus().condition("Degraded").orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(placed.getStatus().condition("Ready").orElseThrow().getStatus()).isEqualTo("False");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(reasons("chat")).contains("ModelPlaced", "ModelUnfit"));

    String uid = deployment.getMetadata().getUid();
    admin.apps().deployments().inNamespace(NS).withName("chat-llama").delete();
    await()
        .atMost(WAIT)
        .until(
            () ->
                Optional.ofNullable(
                        admin.apps().deployments().inNamespace(NS).withName("chat-llama").get())
                    .map(d -> !d.getMetadata().getUid().equals(uid))
                    .orElse(false));

    admin
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName("chat-llama")
        .edit(
            d -> {
              d.getSpec().setReplicas(5);
              return d;
            });
    await().atMost(WAIT).until(() -> deployment("chat-llama").getSpec().getReplicas() == 1);
  }

  @Test
  void aRemovedNodeMovesItsModelAndADeletedPoolLeavesNothingBehind() {
    ModelPool pool = pool("small", model("qwen", "Qwen/Qwen2.5-1.5B-Instruct", 4096, 1));
    pool.getSpec().setHardwareProfiles(selector("nvidia-l4-x1"));
    admin.resource(pool).create();
    String first =
        awaitModel("small", "qwen", m -> m.getPhase() == ModelPhase.Downloading).getNodes().get(0);

    admin.nodes().withName(first).delete();

    String second =
        awaitModel("small", "qwen", m -> !m.getNodes().isEmpty() && !m.getNodes().contains(first))
            .getNodes()
            .get(0);
    assertThat(second).startsWith("l4-").isNotEqualTo(first);
    await()
        .atMost(WAIT)
        .until(() -> deployment("small-qwen").getSpec().getTemplate().toString().contains(second));

    admin.resources(ModelPool.class).inNamespace(NS).withName("small").delete();
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.apps().deployments().inNamespace(NS).withName("small-qwen").get() == null
                    && admin.services().inNamespace(NS).withName("small-qwen").get() == null);
  }

  @Test
  void aShrunkBudgetEvictsAndTwoPoolsNeverShareAGpu() {
    // One L4 each for two replicas of this pool: the L4 profile has exactly two GPUs.
    ModelPool first = pool("first", model("qwen", "Qwen/Qwen2.5-1.5B-Instruct", 4096, 2));
    first.getSpec().setHardwareProfiles(selector("nvidia-l4-x1"));
    admin.resource(first).create();
    awaitModel("first", "qwen", m -> m.getNodes().size() == 2);

    ModelPool second = pool("second", model("qwen", "Qwen/Qwen2.5-1.5B-Instruct", 4096, 1));
    second.getSpec().setHardwareProfiles(selector("nvidia-l4-x1"));
    admin.resource(second).create();
    ModelStatus waiting = awaitModel("second", "qwen", m -> m.getPhase() == ModelPhase.Pending);
    assertThat(waiting.getReason()).isIn("InsufficientGpus", "InsufficientVram");

    admin
        .resources(ModelPool.class)
        .inNamespace(NS)
        .withName("first")
        .edit(
            p -> {
              p.getSpec().getBudgets().setDiskGiBPerNode(1.0);
              return p;
            });
    ModelStatus evicted = awaitModel("first", "qwen", m -> m.getPhase() == ModelPhase.Evicted);
    assertThat(evicted.getMessage()).isNotBlank();
    await().atMost(WAIT).untilAsserted(() -> assertThat(reasons("first")).contains("Evicted"));
    // The capacity the first pool gave back goes to the pool that was waiting for it.
    awaitModel("second", "qwen", m -> m.getPhase() == ModelPhase.Downloading);
  }

  private static PoolModel huge() {
    PoolModel huge = model("huge", "meta-llama/Llama-3.1-405B-Instruct", 32768, 1);
    huge.setQuantization("bf16");
    return huge;
  }

  private ModelStatus awaitModel(String pool, String model, Predicate<ModelStatus> condition) {
    try {
      return await()
          .atMost(WAIT)
          .until(() -> model(pool, model), m -> m != null && condition.test(m));
    } catch (ConditionTimeoutException e) {
      ModelStatus last = model(pool, model);
      throw new AssertionError(
          pool
              + "/"
              + model
              + " never reached the expected state; last: "
              + (last == null
                  ? "no status"
                  : last.getPhase() + " (" + last.getReason() + ") " + last.getMessage()),
          e);
    }
  }

  private ModelStatus model(String pool, String model) {
    ModelPool p = admin.resources(ModelPool.class).inNamespace(NS).withName(pool).get();
    if (p == null || p.getStatus() == null) {
      return null;
    }
    return p.getStatus().getModels().stream()
        .filter(m -> m.getName().equals(model))
        .findFirst()
        .orElse(null);
  }

  private Deployment deployment(String name) {
    return admin.apps().deployments().inNamespace(NS).withName(name).get();
  }

  private List<String> reasons(String pool) {
    List<String> out = new ArrayList<>();
    for (Event e : admin.v1().events().inNamespace(NS).list().getItems()) {
      if (pool.equals(e.getInvolvedObject().getName())) {
        out.add(e.getReason());
      }
    }
    return out;
  }

  private void create(Node node) {
    Node created = admin.resource(node).create();
    created.setStatus(node.getStatus());
    admin.resource(created).updateStatus();
  }

  private static HardwareProfileSelector selector(String profile) {
    HardwareProfileSelector selector = new HardwareProfileSelector();
    selector.setNames(List.of(profile));
    return selector;
  }

  private static ModelPool pool(String name, PoolModel... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName(name);
    pool.getMetadata().setNamespace(NS);
    pool.setSpec(new ModelPoolSpec());
    pool.getSpec().setModels(new ArrayList<>(List.of(models)));
    return pool;
  }

  private static PoolModel model(String name, String repo, int context, int replicas) {
    PoolModel model = new PoolModel();
    model.setName(name);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    model.setSource(source);
    model.setContextLength(context);
    model.setReplicas(replicas);
    return model;
  }
}
