package dev.modelfleet.serving;

import static dev.modelfleet.serving.TestRequests.engine;
import static dev.modelfleet.serving.TestRequests.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every engine's rendering shares: placement, volumes, security, probes, Service, claim. */
class EngineWorkloadTest {

  private static final String CACHE_MOUNT = "/models";

  private static ServingRequest.Builder request(String engine) {
    return "ollama".equals(engine) ? TestRequests.ollama() : TestRequests.huggingFace();
  }

  private static ServingManifests render(String engine, ServingRequest request) {
    return ServingAdapters.forEngine(engine).render(request);
  }

  private static ServingManifests render(String engine) {
    return render(engine, request(engine).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void everyObjectIsNamedAndLabelledForThePoolModel(String engine) {
    ServingRequest request = request(engine).build();
    ServingManifests manifests = render(engine, request);
    String name = ServingNames.of(request.pool(), request.model());

    for (HasMetadata object :
        List.of(manifests.deployment(), manifests.service(), manifests.cacheClaim())) {
      assertThat(object.getMetadata().getName()).isEqualTo(name);
      assertThat(object.getMetadata().getNamespace()).isEqualTo("team-a");
      assertThat(object.getMetadata().getLabels())
          .containsAllEntriesOf(ManagedLabels.of(engine, name, "engine"))
          .containsEntry("modelfleet.dev/pool", "chat")
          .containsEntry("modelfleet.dev/model", request.model());
      assertThat(object.getMetadata().getOwnerReferences()).isNullOrEmpty();
    }
    Map<String, String> selector = manifests.deployment().getSpec().getSelector().getMatchLabels();
    assertThat(selector)
        .containsOnly(
            Map.entry("app.kubernetes.io/component", "engine"),
            Map.entry("modelfleet.dev/pool", "chat"),
            Map.entry("modelfleet.dev/model", request.model()));
    assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(selector)
        .containsAllEntriesOf(manifests.deployment().getMetadata().getLabels());
    assertThat(manifests.service().getSpec().getSelector()).isEqualTo(selector);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void gpusAreRequestedAndLimitedPerReplica(String engine) {
    ServingManifests manifests =
        render(engine, request(engine).gpus("nvidia.com/gpu", 2).replicas(3).build());

    assertThat(manifests.deployment().getSpec().getReplicas()).isEqualTo(3);
    Quantity two = new Quantity("2");
    assertThat(engine(manifests).getResources().getRequests())
        .containsOnly(Map.entry("nvidia.com/gpu", two));
    assertThat(engine(manifests).getResources().getLimits())
        .containsOnly(Map.entry("nvidia.com/gpu", two));
    for (Container init : pod(manifests).getInitContainers()) {
      assertThat(init.getResources()).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void replicasMayOnlyRunOnThePlacedNodes(String engine) {
    ServingManifests manifests =
        render(engine, request(engine).nodeNames(List.of("gpu-b", "gpu-a", "gpu-b")).build());

    List<NodeSelectorRequirement> expressions =
        pod(manifests)
            .getAffinity()
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms()
            .get(0)
            .getMatchExpressions();
    assertThat(expressions).hasSize(1);
    assertThat(expressions.get(0).getKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(expressions.get(0).getOperator()).isEqualTo("In");
    assertThat(expressions.get(0).getValues()).containsExactly("gpu-a", "gpu-b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void nvidiaPodsTolerateTheGpuTaintBesideTheRequestsTolerations(String engine) {
    Toleration dedicated = new Toleration("NoSchedule", "dedicated", "Equal", null, "llm");
    ServingManifests manifests =
        render(engine, request(engine).tolerations(List.of(dedicated)).build());

    assertThat(pod(manifests).getTolerations())
        .containsExactly(
            dedicated, new Toleration("NoSchedule", "nvidia.com/gpu", "Exists", null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void aGivenGpuTolerationIsNotDoubled(String engine) {
    Toleration own = new Toleration("NoExecute", "nvidia.com/gpu", "Exists", null, null);
    ServingManifests manifests = render(engine, request(engine).tolerations(List.of(own)).build());

    assertThat(pod(manifests).getTolerations()).containsExactly(own);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void amdPodsGetNoNvidiaToleration(String engine) {
    ServingManifests manifests = render(engine, request(engine).gpus("amd.com/gpu", 1).build());

    assertThat(pod(manifests).getTolerations()).isEmpty();
    assertThat(engine(manifests).getResources().getLimits()).containsKey("amd.com/gpu");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void theCacheClaimAndSharedMemoryAreMounted(String engine) {
    ServingManifests manifests = render(engine);
    PodSpec pod = pod(manifests);

    Volume cache = volume(pod, "model-cache");
    assertThat(cache.getPersistentVolumeClaim().getClaimName())
        .isEqualTo(manifests.cacheClaim().getMetadata().getName());
    Volume shm = volume(pod, "dshm");
    assertThat(shm.getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(engine(manifests).getVolumeMounts())
        .extracting(VolumeMount::getName, VolumeMount::getMountPath)
        .contains(tuple("model-cache", CACHE_MOUNT), tuple("dshm", "/dev/shm"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void containersCannotEscalateAndHoldNoCapabilities(String engine) {
    ServingManifests manifests = render(engine);
    PodSpec pod = pod(manifests);

    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getEnableServiceLinks()).isFalse();
    for (Container container :
        Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList()) {
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(container.getSecurityContext().getPrivileged()).isFalse();
      assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void probesUseTheNamedHttpPortAndTheStartupProbeOutlastsTheBudget(String engine) {
    ServingManifests manifests = render(engine);
    Container container = engine(manifests);

    assertThat(container.getPorts()).hasSize(1);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
    for (Probe probe :
        List.of(
            container.getStartupProbe(),
            container.getReadinessProbe(),
            container.getLivenessProbe())) {
      assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
      assertThat(probe.getTimeoutSeconds()).isPositive();
    }
    Probe startup = container.getStartupProbe();
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThan(
            container.getLivenessProbe().getPeriodSeconds()
                * container.getLivenessProbe().getFailureThreshold());
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void theServiceIsPort8000NamedHttpOnTheEnginePort(String engine) {
    ServingManifests manifests = render(engine);
    Service service = manifests.service();

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getPorts()).hasSize(1);
    ServicePort port = service.getSpec().getPorts().get(0);
    assertThat(port.getName()).isEqualTo("http");
    assertThat(port.getPort()).isEqualTo(8000);
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void oneNodeGetsAReadWriteOnceClaimSeveralAReadWriteManyOne(String engine) {
    PersistentVolumeClaim single =
        render(engine, request(engine).cacheDiskGiB(40).storageClassName("fast-ssd").build())
            .cacheClaim();
    PersistentVolumeClaim spread =
        render(engine, request(engine).nodeNames(List.of("n1", "n2")).cacheDiskGiB(12.5).build())
            .cacheClaim();

    assertThat(single.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(single.getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("40Gi"));
    assertThat(single.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
    assertThat(spread.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
    assertThat(spread.getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("12800Mi"));
    assertThat(spread.getSpec().getStorageClassName()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void renderingIsDeterministic(String engine) {
    ServingManifests first = render(engine, request(engine).nodeNames(List.of("a", "b")).build());
    ServingManifests again = render(engine, request(engine).nodeNames(List.of("a", "b")).build());
    ServingManifests reordered =
        render(engine, request(engine).nodeNames(List.of("b", "a")).build());

    assertThat(again).isEqualTo(first);
    assertThat(reordered.deployment().getSpec().getTemplate().getSpec().getAffinity())
        .isEqualTo(first.deployment().getSpec().getTemplate().getSpec().getAffinity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void rolloutsReplaceOnePodWithoutASurge(String engine) {
    Deployment deployment = render(engine).deployment();

    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge())
        .isEqualTo(new IntOrString(0));
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
        .isEqualTo(new IntOrString(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang"})
  void huggingFaceEnginesReadTheTokenFromTheSecret(String engine) {
    ServingManifests manifests =
        render(engine, request(engine).huggingFaceToken("hf-token", "token").build());

    EnvVar token =
        engine(manifests).getEnv().stream()
            .filter(e -> e.getName().equals("HF_TOKEN"))
            .findFirst()
            .orElseThrow();
    assertThat(token.getValue()).isNull();
    assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("hf-token");
    assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    assertThat(TestRequests.env(engine(manifests), "HF_HOME")).isEqualTo(CACHE_MOUNT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang"})
  void withoutATokenNoTokenVariableIsSet(String engine) {
    assertThat(engine(render(engine)).getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("HF_TOKEN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm", "sglang", "ollama"})
  void anImageOverrideWins(String engine) {
    ServingManifests manifests =
        render(engine, request(engine).image("registry.example.com/engines/custom:1.0").build());

    assertThat(engine(manifests).getImage()).isEqualTo("registry.example.com/engines/custom:1.0");
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
