package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.GATEWAY;
import static dev.modelfleet.helm.RenderedChart.GATEWAY_NAME;
import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static dev.modelfleet.helm.RenderedChart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway with values other than the shipped ones. */
class GatewayValuesTest {

  @Test
  void disabledGatewayRendersNothingOfIt() {
    RenderedChart chart =
        RenderedChart.render(
            values(
                "gateway.enabled", false,
                "monitoring.gatewayServiceMonitor.enabled", true));

    assertThat(chart.objects)
        .noneMatch(
            o -> GATEWAY.equals(o.getMetadata().getLabels().get(RenderedChart.COMPONENT_LABEL)))
        .noneMatch(o -> o.getMetadata().getName().equals(GATEWAY_NAME));
    assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
    assertThat(chart.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
    assertThat(chart.one(Deployment.class, OPERATOR)).isNotNull();
  }

  @Test
  void namespacedModeGrantsRolesOnlyInTheServedNamespaces() {
    RenderedChart chart =
        RenderedChart.render(
            values("gateway.namespaces[0]", "team-a", "gateway.namespaces[1]", "team-b"));

    assertThat(env(chart)).containsEntry("MODELFLEET_GATEWAY_NAMESPACES", "team-a,team-b");
    assertThat(GatewayPermissions.grants(chart.one(ClusterRole.class, GATEWAY).getRules()))
        .isEqualTo(GatewayPermissions.CLUSTER_SCOPED);

    List<Role> roles = chart.all(Role.class, GATEWAY);
    assertThat(roles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactly("team-a", "team-b");
    assertThat(roles)
        .allSatisfy(
            role ->
                assertThat(GatewayPermissions.grants(role.getRules()))
                    .isEqualTo(GatewayPermissions.NAMESPACED));

    Subject gateway = new Subject(null, "ServiceAccount", GATEWAY_NAME, RenderedChart.NAMESPACE);
    List<RoleBinding> bindings = chart.all(RoleBinding.class, GATEWAY);
    assertThat(bindings)
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactly("team-a", "team-b");
    assertThat(bindings)
        .allSatisfy(
            binding -> {
              assertThat(binding.getSubjects()).containsExactly(gateway);
              assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
              assertThat(binding.getRoleRef().getName()).isEqualTo(GATEWAY_NAME);
            });
  }

  @Test
  void gatewayRulesUseNoWildcardsOrResourceNames() {
    RenderedChart chart = RenderedChart.render(values("gateway.namespaces[0]", "team-a"));
    RenderedChart allNamespaces = RenderedChart.render();

    assertThat(
            List.of(
                chart.one(ClusterRole.class, GATEWAY).getRules(),
                chart.one(Role.class, GATEWAY).getRules(),
                allNamespaces.one(ClusterRole.class, GATEWAY).getRules()))
        .flatMap(rules -> rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).doesNotContain("*");
              assertThat(rule.getResources()).noneMatch(r -> r.contains("*"));
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResourceNames()).isEmpty();
              assertThat(rule.getNonResourceURLs()).isEmpty();
            });
  }

  @Test
  void fixedReplicasWhenAutoscalingIsOff() {
    RenderedChart chart =
        RenderedChart.render(values("gateway.autoscaling.enabled", false, "gateway.replicas", 3));

    assertThat(chart.one(Deployment.class, GATEWAY).getSpec().getReplicas()).isEqualTo(3);
    assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
  }

  @Test
  void twoReplicasByDefaultWhenAutoscalingIsOff() {
    RenderedChart chart = RenderedChart.render(values("gateway.autoscaling.enabled", false));

    assertThat(chart.one(Deployment.class, GATEWAY).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void autoscalerBoundsAndTargetAreSettable() {
    GenericKubernetesResource hpa =
        RenderedChart.render(
                values(
                    "gateway.autoscaling.minReplicas", 3,
                    "gateway.autoscaling.maxReplicas", 20,
                    "gateway.autoscaling.targetCPUUtilizationPercentage", 50))
            .ofKind("HorizontalPodAutoscaler")
            .get(0);

    assertThat(hpa.<Integer>get("spec", "minReplicas")).isEqualTo(3);
    assertThat(hpa.<Integer>get("spec", "maxReplicas")).isEqualTo(20);
    assertThat(hpa.<List<Map<String, Map<String, Map<String, Object>>>>>get("spec", "metrics"))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.get("resource").get("target"))
                    .containsEntry("averageUtilization", 50));
  }

  @Test
  void autoscalerNeedsACpuRequest() {
    assertThat(RenderedChart.renderError(values("gateway.resources.requests.cpu", "null")))
        .contains("gateway.resources.requests.cpu is required");
  }

  @Test
  void autoscalerMinimumMayNotExceedMaximum() {
    assertThat(
            RenderedChart.renderError(
                values("gateway.autoscaling.minReplicas", 5, "gateway.autoscaling.maxReplicas", 4)))
        .contains(
            "gateway.autoscaling.minReplicas must not exceed gateway.autoscaling.maxReplicas");
  }

  @Test
  void oldClustersGetTheBetaApiVersions() {
    RenderedChart chart = RenderedChart.renderForKubeVersion("1.20.0", Map.of());

    assertThat(chart.ofKind("HorizontalPodAutoscaler"))
        .singleElement()
        .satisfies(hpa -> assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2beta2"));
    assertThat(chart.ofKind("PodDisruptionBudget"))
        .singleElement()
        .satisfies(pdb -> assertThat(pdb.getApiVersion()).isEqualTo("policy/v1beta1"));
  }

  @Test
  void imageServiceBodyLimitAndSchedulingAreSettable() {
    RenderedChart chart =
        RenderedChart.render(
            values(
                "gateway.image.repository", "registry.example.com/gateway",
                "gateway.image.tag", "2.0.0",
                "gateway.service.type", "LoadBalancer",
                "gateway.service.port", 8000,
                "gateway.maxBodyBytes", 52428800,
                "gateway.podDisruptionBudget.maxUnavailable", "25%",
                "gateway.nodeSelector.kubernetes\\.io/os", "linux",
                "gateway.extraEnv[0].name", "QUARKUS_HTTP_IDLE_TIMEOUT",
                "gateway.extraEnv[0].value", "120s"));
    Deployment deployment = chart.one(Deployment.class, GATEWAY);
    var pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getContainers().get(0).getImage())
        .isEqualTo("registry.example.com/gateway:2.0.0");
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", "2.0.0");
    assertThat(chart.one(Deployment.class, OPERATOR).getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", "0.1.0");
    assertThat(env(chart))
        .containsEntry("MODELFLEET_GATEWAY_MAX_BODY_BYTES", "52428800")
        .containsEntry("QUARKUS_HTTP_IDLE_TIMEOUT", "120s");
    assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("kubernetes.io/os", "linux"));
    var service = chart.one(io.fabric8.kubernetes.api.model.Service.class, GATEWAY);
    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8000);
    assertThat(chart.ofKind("PodDisruptionBudget").get(0).<String>get("spec", "maxUnavailable"))
        .isEqualTo("25%");
  }

  @Test
  void existingServiceAccountIsBound() {
    RenderedChart chart =
        RenderedChart.render(
            values(
                "gateway.serviceAccount.create",
                false,
                "gateway.serviceAccount.name",
                "platform-gateway"));

    assertThat(chart.all(ServiceAccount.class, GATEWAY)).isEmpty();
    assertThat(chart.one(Deployment.class, GATEWAY).getSpec().getTemplate().getSpec())
        .extracting(spec -> spec.getServiceAccountName())
        .isEqualTo("platform-gateway");
    assertThat(chart.one(ClusterRoleBinding.class, GATEWAY).getSubjects())
        .extracting(Subject::getName)
        .containsExactly("platform-gateway");
  }

  @Test
  void anExistingServiceAccountMustBeNamed() {
    assertThat(RenderedChart.renderError(values("gateway.serviceAccount.create", false)))
        .contains("gateway.serviceAccount.name is required");
  }

  @Test
  void rbacCreateFalseLeavesTheGatewayRulesToTheClusterAdmin() {
    RenderedChart chart =
        RenderedChart.render(values("rbac.create", false, "gateway.namespaces[0]", "team-a"));

    assertThat(chart.objects)
        .extracting(HasMetadata::getKind)
        .doesNotContain("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
  }

  private static Map<String, String> env(RenderedChart chart) {
    return chart
        .one(Deployment.class, GATEWAY)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
