package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chart rendered with values.yaml as shipped. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultValuesTest {

  private final RenderedChart chart = RenderedChart.render();
  private final Deployment deployment = chart.one(Deployment.class, OPERATOR);
  private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
  private final Container operator = pod.getContainers().get(0);

  @Test
  void rendersTheExpectedObjects() {
    assertThat(chart.objects)
        .extracting(o -> o.getKind())
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            // The gateway's; it has no Role while it serves all namespaces.
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Service",
            "Deployment",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget");
    assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  void deploymentRunsOneReplicaOfTheAppVersionImage() {
    assertThat(deployment.getMetadata().getName()).isEqualTo(RenderedChart.FULLNAME);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(operator.getImage()).isEqualTo("ghcr.io/modelfleet/modelfleet-operator:0.1.0");
    assertThat(operator.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(pod.getImagePullSecrets()).isEmpty();
  }

  @Test
  void podIsLockedDown() {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    var container = operator.getSecurityContext();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isEmpty();
    assertThat(container.getPrivileged()).isNull();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void tmpIsAWritableEmptyDir() {
    assertThat(operator.getVolumeMounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.getMountPath()).isEqualTo("/tmp");
              assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
              assertThat(pod.getVolumes())
                  .filteredOn(v -> v.getName().equals(mount.getName()))
                  .singleElement()
                  .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
            });
  }

  @Test
  void probesUseQuarkusHealthEndpoints() {
    assertThat(operator.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(8080);
            });

    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    // Informer caches can take minutes to sync on a large cluster: the startup probe must
    // allow that before liveness takes over.
    var startup = operator.getStartupProbe();
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void resourcesHaveRequestsAndAMemoryLimit() {
    var resources = operator.getResources();
    assertThat(resources.getRequests())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("512Mi"));
  }

  @Test
  void envWatchesAllNamespacesWithPlainInfoLogs() {
    Map<String, EnvVar> env =
        operator.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    assertThat(env.get("QUARKUS_OPERATOR_SDK_NAMESPACES").getValue())
        .isEqualTo("JOSDK_ALL_NAMESPACES");
    assertThat(env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED").getValue()).isEqualTo("false");
    assertThat(env.get("QUARKUS_LOG_LEVEL").getValue()).isEqualTo("INFO");
  }

  @Test
  void objectsCarryStandardLabels() {
    assertThat(chart.objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .as("labels of %s", o.getKind())
                    .containsEntry("app.kubernetes.io/name", "modelfleet")
                    .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE)
                    .containsEntry("app.kubernetes.io/version", "0.1.0")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "modelfleet")
                    .containsEntry("helm.sh/chart", "modelfleet-0.1.0"));

    Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
    assertThat(selector)
        .containsOnlyKeys(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(selector);
  }

  @Test
  void serviceExposesMetricsPortOfTheOperatorPods() {
    Service service = chart.one(Service.class, OPERATOR);

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getPort()).isEqualTo(8080);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
  }

  @Test
  void podIsAnnotatedForPrometheusScraping() {
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/q/metrics")
        .containsEntry("prometheus.io/port", "8080");
  }

  @Test
  void podRunsAsTheChartServiceAccount() {
    ServiceAccount account = chart.one(ServiceAccount.class, OPERATOR);

    assertThat(account.getMetadata().getName()).isEqualTo(RenderedChart.FULLNAME);
    assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
  }
}
