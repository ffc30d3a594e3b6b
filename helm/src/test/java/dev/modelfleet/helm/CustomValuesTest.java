package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static dev.modelfleet.helm.RenderedChart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chart rendered with {@code --set} overrides of the defaults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomValuesTest {

  private final RenderedChart chart =
      RenderedChart.render(
          values(
              "replicas", 2,
              "watchNamespaces[0]", "team-a",
              "watchNamespaces[1]", "team-b",
              "logging.json", true,
              "logging.level", "DEBUG",
              "image.tag", "1.2.3",
              "image.pullPolicy", "Always",
              "imagePullSecrets[0].name", "registry-creds",
              "metrics.podAnnotations", false,
              "metrics.serviceMonitor.enabled", true,
              "metrics.serviceMonitor.interval", "15s",
              "metrics.serviceMonitor.labels.release", "kube-prometheus-stack",
              "podAnnotations.example\\.com/team", "platform",
              "priorityClassName", "system-cluster-critical",
              "nodeSelector.kubernetes\\.io/os", "linux",
              "tolerations[0].key", "dedicated",
              "tolerations[0].operator", "Exists",
              "tolerations[0].effect", "NoSchedule",
              "extraEnv[0].name", "QUARKUS_LOG_CATEGORY__DEV_MODELFLEET__LEVEL",
              "extraEnv[0].value", "TRACE"));
  private final Deployment deployment = chart.one(Deployment.class, OPERATOR);
  private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();

  @Test
  void replicasAndImageAreOverridden() {
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    var operator = pod.getContainers().get(0);
    assertThat(operator.getImage()).isEqualTo("ghcr.io/modelfleet/modelfleet-operator:1.2.3");
    assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
    assertThat(pod.getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("registry-creds");
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", "1.2.3");
  }

  @Test
  void envReflectsNamespacesAndLogging() {
    Map<String, String> env =
        pod.getContainers().get(0).getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));

    assertThat(env)
        .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b")
        .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
        .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG")
        .containsEntry("QUARKUS_LOG_CATEGORY__DEV_MODELFLEET__LEVEL", "TRACE");
  }

  @Test
  void schedulingSettingsPassThrough() {
    assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
    assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo("dedicated");
              assertThat(t.getOperator()).isEqualTo("Exists");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
  }

  @Test
  void prometheusAnnotationsCanBeTurnedOff() {
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactlyEntriesOf(Map.of("example.com/team", "platform"));
  }

  @Test
  void serviceMonitorScrapesTheMetricsEndpoint() {
    List<GenericKubernetesResource> monitors = chart.ofKind("ServiceMonitor");
    assertThat(monitors).hasSize(1);
    GenericKubernetesResource monitor = monitors.get(0);

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(monitor.getMetadata().getLabels())
        .containsEntry("release", "kube-prometheus-stack")
        .containsEntry("app.kubernetes.io/name", "modelfleet");
    assertThat(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(monitor.<List<Map<String, Object>>>get("spec", "endpoints"))
        .singleElement()
        .satisfies(
            endpoint ->
                assertThat(endpoint)
                    .containsEntry("port", "http")
                    .containsEntry("path", "/q/metrics")
                    .containsEntry("interval", "15s"));
  }
}
