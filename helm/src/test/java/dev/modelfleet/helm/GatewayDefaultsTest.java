package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.GATEWAY;
import static dev.modelfleet.helm.RenderedChart.GATEWAY_NAME;
import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway as values.yaml ships it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayDefaultsTest {

  private final RenderedChart chart = RenderedChart.render();
  private final Deployment deployment = chart.one(Deployment.class, GATEWAY);
  private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
  private final Container gateway = pod.getContainers().get(0);

  @Test
  void deploymentRunsTheAppVersionGatewayImage() {
    assertThat(deployment.getMetadata().getName()).isEqualTo(GATEWAY_NAME);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(gateway.getName()).isEqualTo("gateway");
    assertThat(gateway.getImage()).isEqualTo("ghcr.io/modelfleet/gateway:0.1.0");
    assertThat(gateway.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void replicaCountIsLeftToTheAutoscaler() {
    assertThat(deployment.getSpec().getReplicas()).isNull();

    GenericKubernetesResource hpa = onlyOfKind("HorizontalPodAutoscaler");
    assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
    assertThat(hpa.getMetadata().getName()).isEqualTo(GATEWAY_NAME);
    assertThat(hpa.<Map<String, Object>>get("spec", "scaleTargetRef"))
        .containsEntry("apiVersion", "apps/v1")
        .containsEntry("kind", "Deployment")
        .containsEntry("name", GATEWAY_NAME);
    assertThat(hpa.<Integer>get("spec", "minReplicas")).isEqualTo(2);
    assertThat(hpa.<Integer>get("spec", "maxReplicas")).isEqualTo(10);
    assertThat(hpa.<List<Map<String, Object>>>get("spec", "metrics"))
        .singleElement()
        .satisfies(
            metric ->
                assertThat(metric)
                    .isEqualTo(
                        Map.of(
                            "type",
                            "Resource",
                            "resource",
                            Map.of(
                                "name",
                                "cpu",
                                "target",
                                Map.of("type", "Utilization", "averageUtilization", 70)))));
  }

  @Test
  void disruptionBudgetLetsOnePodGoAtATime() {
    GenericKubernetesResource pdb = onlyOfKind("PodDisruptionBudget");

    assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
    assertThat(pdb.<Integer>get("spec", "maxUnavailable")).isEqualTo(1);
    assertThat(pdb.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void podIsLockedDownLikeTheOperator() {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    var container = gateway.getSecurityContext();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isEmpty();
    assertThat(container.getPrivileged()).isNull();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(gateway.getVolumeMounts())
        .singleElement()
        .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
  }

  @Test
  void probesUseQuarkusHealthEndpointsOnTheHttpPort() {
    assertThat(gateway.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(8080);
            });
    assertThat(gateway.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(gateway.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(gateway.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(gateway.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void resourcesHaveTheCpuRequestTheAutoscalerNeeds() {
    var resources = gateway.getResources();
    assertThat(resources.getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void envServesAllNamespacesWithTheDefaultBodyLimit() {
    Map<String, String> env =
        gateway.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));

    assertThat(env)
        .doesNotContainKey("MODELFLEET_GATEWAY_NAMESPACES")
        .containsEntry("MODELFLEET_GATEWAY_MAX_BODY_BYTES", "8388608")
        .containsEntry("QUARKUS_LOG_LEVEL", "INFO")
        .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
  }

  @Test
  void serviceForwardsPort80ToTheGatewayPods() {
    Service service = chart.one(Service.class, GATEWAY);

    assertThat(service.getMetadata().getName()).isEqualTo(GATEWAY_NAME);
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels())
        .containsEntry(RenderedChart.COMPONENT_LABEL, GATEWAY);
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getPort()).isEqualTo(80);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
  }

  @Test
  void selectorsOfGatewayAndOperatorNeverOverlap() {
    Map<String, String> operatorSelector =
        chart.one(Deployment.class, OPERATOR).getSpec().getSelector().getMatchLabels();

    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isNotEqualTo(operatorSelector)
        .containsOnlyKeys(operatorSelector.keySet());
  }

  @Test
  void gatewayRunsAsItsOwnServiceAccount() {
    ServiceAccount account = chart.one(ServiceAccount.class, GATEWAY);

    assertThat(account.getMetadata().getName()).isEqualTo(GATEWAY_NAME);
    assertThat(pod.getServiceAccountName()).isEqualTo(GATEWAY_NAME);
    assertThat(chart.one(ServiceAccount.class, OPERATOR).getMetadata().getName())
        .isNotEqualTo(GATEWAY_NAME);
  }

  @Test
  void clusterRoleGrantsExactlyWhatTheGatewayReadsAndPatches() {
    ClusterRole role = chart.one(ClusterRole.class, GATEWAY);

    assertThat(GatewayPermissions.grants(role.getRules())).isEqualTo(GatewayPermissions.ALL);
    assertThat(chart.all(Role.class, GATEWAY)).isEmpty();

    ClusterRoleBinding binding = chart.one(ClusterRoleBinding.class, GATEWAY);
    assertThat(binding.getRoleRef())
        .isEqualTo(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", GATEWAY_NAME));
    assertThat(binding.getSubjects())
        .containsExactly(
            new Subject(null, "ServiceAccount", GATEWAY_NAME, RenderedChart.NAMESPACE));
  }

  @Test
  void eachGatewayRuleExplainsWhyInAComment() {
    String yaml = chart.documentOf(chart.one(ClusterRole.class, GATEWAY));

    assertThat(yaml)
        .contains("# Hardware cost per hour")
        .contains("# Routes map OpenAI model names")
        .contains("lastused.modelfleet.dev/<model>")
        .contains("# Routes reference their API keys in Secrets");
  }

  private GenericKubernetesResource onlyOfKind(String kind) {
    List<GenericKubernetesResource> found = chart.ofKind(kind);
    assertThat(found).as("rendered %s objects", kind).hasSize(1);
    return found.get(0);
  }
}
