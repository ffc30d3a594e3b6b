package dev.modelfleet.operator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelfleet.crds.v1alpha1.common.ConditionTypes;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelFact;
import dev.modelfleet.crds.v1alpha1.pool.ModelFactsOverride;
import dev.modelfleet.crds.v1alpha1.pool.ModelPhase;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.ModelSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.UnknownModelPolicy;
import dev.modelfleet.operator.hardware.TestNodes;
import dev.modelfleet.operator.testing.AdminClient;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ModelPool controller resolving models through the model registry, against a real API server
 * with the chart's RBAC: the unknown-model modes end to end, and a model only the user registry
 * ConfigMap knows.
 */
@QuarkusTest
@WithKubeApiServer
@QuarkusTestResource(value = RegistryApiServerResource.class, restrictToAnnotatedClass = true)
class RegistryPoolControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String NS = "registry-pools";
  private static final long L4_MIB = 23034;
  private static final String SECRET_MODEL = "acme/secret-1b";

  /** A private model described in the user registry with its config.json. */
  private static final String USER_REGISTRY =
      """
      models:
        - id: acme/support-llm-1b
          observedAt: 2026-11-01
          license: other
          parametersB: 1.54
          config:
            architectures: [Qwen2ForCausalLM]
            model_type: qwen2
            hidden_size: 1536
            num_hidden_layers: 28
            num_attention_heads: 12
            num_key_value_heads: 2
            intermediate_size: 8960
            vocab_size: 151936
            max_position_embeddings: 32768
            torch_dtype: bfloat16
      """;

  private final KubernetesClient admin = AdminClient.create();

  @BeforeEach
  void oneL4NodeAndTheUserRegistry() {
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
    admin
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(RegistryApiServerResource.USER_REGISTRY)
                .withNamespace(RegistryApiServerResource.OPERATOR_NAMESPACE)
                .endMetadata()
                .addToData("models.yaml", USER_REGISTRY)
                .build())
        .forceConflicts()
        .serverSideApply();
    create(TestNodes.nvidia("reg-l4", "NVIDIA-L4", 1, L4_MIB));
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin.resources(HardwareProfile.class).list().getItems().stream()
                        .mapToInt(p -> p.getStatus() == null ? 0 : p.getStatus().getNodes().size())
                        .sum()
                    == 1);
  }

  /** Leaves no pool behind for the next test class's operator to clean up. */
  @AfterEach
  void deletePoolsWhileTheOperatorRuns() {
    admin.resources(ModelPool.class).inNamespace(NS).delete();
    await()
        .atMost(WAIT)
        .until(() -> admin.resources(ModelPool.class).inNamespace(NS).list().getItems().isEmpty());
    admin.nodes().withName("reg-l4").delete();
  }

  @Test
  void rejectMakesAnUnknownModelUnfitWithoutAWarning() {
    admin.resource(pool("rejecting", UnknownModelPolicy.REJECT, described())).create();

    ModelStatus secret = awaitModel("rejecting", "secret", m -> m.getPhase() == ModelPhase.Unfit);

    assertThat(secret.getReason()).isEqualTo("UnknownModel");
    assertThat(secret.getMessage()).contains(SECRET_MODEL, "user registry", "allowUnknown");
    assertThat(status("rejecting").condition(ConditionTypes.WARNING)).isEmpty();
  }

  @Test
  void warnPlansTheModelAndWarnsOnceInAConditionAndAnEvent() {
    admin.resource(pool("warning", UnknownModelPolicy.WARN, described())).create();

    await().atMost(WAIT).until(() -> status("warning") != null && warning("warning") != null);
    assertThat(warning("warning")).contains("[secret]", SECRET_MODEL);
    ModelStatus secret = awaitModel("warning", "secret", m -> m.getPhase() != null);
    assertThat(secret.getPhase()).isNotEqualTo(ModelPhase.Unfit);
    await().atMost(WAIT).until(() -> unknownModelEvents("warning") == 1);

    // Another planning pass (a spec change) keeps the condition and records no second Event.
    admin
        .resources(ModelPool.class)
        .inNamespace(NS)
        .withName("warning")
        .edit(
            p -> {
              p.getSpec().getModels().get(0).setPriority(50);
              return p;
            });
    await()
        .atMost(WAIT)
        .until(
            () ->
                status("warning").getObservedGeneration() != null
                    && status("warning").getObservedGeneration() == 2L);
    assertThat(warning("warning")).contains("[secret]");
    assertThat(unknownModelEvents("warning")).isEqualTo(1);
  }

  @Test
  void allowPlansTheModelSilently() {
    admin.resource(pool("allowing", UnknownModelPolicy.ALLOW, described())).create();

    ModelStatus secret = awaitModel("allowing", "secret", m -> m.getPhase() != null);

    assertThat(secret.getPhase()).isNotEqualTo(ModelPhase.Unfit);
    assertThat(status("allowing").condition(ConditionTypes.WARNING)).isEmpty();
    assertThat(unknownModelEvents("allowing")).isZero();
  }

  @Test
  void aModelOnlyTheUserRegistryKnowsIsPlacedWithRegistryFacts() {
    admin
        .resource(
            pool("private", UnknownModelPolicy.REJECT, model("support", "acme/support-llm-1b")))
        .create();

    ModelStatus support =
        awaitModel("private", "support", m -> m.getPhase() == ModelPhase.Downloading);

    assertThat(support.getNodes()).containsExactly("reg-l4");
    ModelFact parameters =
        support.getFacts().stream()
            .filter(f -> f.getName().equals("parametersB"))
            .findFirst()
            .orElseThrow();
    assertThat(parameters.getSource()).isEqualTo("registry");
    assertThat(parameters.getValue()).isEqualTo("1.54");
    assertThat(parameters.getObservedAt()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(support.getFacts())
        .anyMatch(f -> f.getName().equals("layers") && f.getSource().equals("registry"));
    assertThat(status("private").condition(ConditionTypes.WARNING)).isEmpty();
  }

  private ModelStatus awaitModel(String pool, String model, Predicate<ModelStatus> condition) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              var status = status(pool);
              return status == null
                  ? null
                  : status.getModels().stream()
                      .filter(m -> m.getName().equals(model))
                      .findFirst()
                      .orElse(null);
            },
            m -> m != null && condition.test(m));
  }

  private dev.modelfleet.crds.v1alpha1.pool.ModelPoolStatus status(String pool) {
    ModelPool p = admin.resources(ModelPool.class).inNamespace(NS).withName(pool).get();
    return p == null ? null : p.getStatus();
  }

  private String warning(String pool) {
    var status = status(pool);
    return status == null
        ? null
        : status.condition(ConditionTypes.WARNING).map(c -> c.getMessage()).orElse(null);
  }

  private long unknownModelEvents(String pool) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> pool.equals(e.getInvolvedObject().getName()))
        .filter(e -> UnknownModelWarnings.EVENT_REASON.equals(e.getReason()))
        .count();
  }

  private void create(Node node) {
    Node created = admin.resource(node).create();
    created.setStatus(node.getStatus());
    admin.resource(created).updateStatus();
  }

  private static ModelPool pool(String name, UnknownModelPolicy policy, PoolModel... models) {
    ModelPool pool = new ModelPool();
    pool.getMetadata().setName(name);
    pool.getMetadata().setNamespace(NS);
    pool.setSpec(new ModelPoolSpec());
    pool.getSpec().setUnknownModels(policy);
    pool.getSpec().setModels(new ArrayList<>(List.of(models)));
    return pool;
  }

  /** An unknown model its overrides describe well enough to estimate. */
  private static PoolModel described() {
    PoolModel model = model("secret", SECRET_MODEL);
    ModelFactsOverride facts = new ModelFactsOverride();
    facts.setParametersB(1.5);
    facts.setLayers(28);
    facts.setHiddenSize(1536);
    facts.setAttentionHeads(12);
    facts.setKvHeads(2);
    model.setOverrides(facts);
    return model;
  }

  private static PoolModel model(String name, String repo) {
    PoolModel model = new PoolModel();
    model.setName(name);
    ModelSource source = new ModelSource();
    source.setHuggingFace(repo);
    model.setSource(source);
    model.setContextLength(4096);
    model.setReplicas(1);
    return model;
  }
}
