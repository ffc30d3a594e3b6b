package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.GATEWAY;
import static dev.modelfleet.helm.RenderedChart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** ServiceMonitor, PodMonitor, PrometheusRule and dashboard ConfigMaps under monitoring.*. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTest {

  private static final String RULE_KIND = "PrometheusRule";

  private final RenderedChart chart =
      RenderedChart.render(
          values(
              "monitoring.labels.release", "kube-prometheus-stack",
              "monitoring.gatewayServiceMonitor.enabled", true,
              "monitoring.gatewayServiceMonitor.interval", "15s",
              "monitoring.enginePodMonitor.enabled", true,
              "monitoring.prometheusRule.enabled", true,
              "monitoring.dashboards.enabled", true));

  @Test
  void offByDefault() {
    RenderedChart defaults = RenderedChart.render();

    assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
    assertThat(defaults.ofKind("PodMonitor")).isEmpty();
    assertThat(defaults.ofKind(RULE_KIND)).isEmpty();
    assertThat(defaults.all(ConfigMap.class)).isEmpty();
  }

  @Test
  void gatewayServiceMonitorScrapesTheGatewayService() {
    GenericKubernetesResource monitor = single("ServiceMonitor");
    Service gateway = chart.one(Service.class, GATEWAY);

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels())
        .containsEntry("release", "kube-prometheus-stack")
        .containsEntry(RenderedChart.COMPONENT_LABEL, GATEWAY);
    assertThat(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(gateway.getSpec().getSelector());
    assertThat(monitor.<List<String>>get("spec", "namespaceSelector", "matchNames"))
        .containsExactly(RenderedChart.NAMESPACE);
    assertThat(monitor.<List<Map<String, Object>>>get("spec", "endpoints"))
        .singleElement()
        .satisfies(
            endpoint ->
                assertThat(endpoint)
                    .containsEntry("port", "http")
                    .containsEntry("path", "/q/metrics")
                    .containsEntry("interval", "15s"));
  }

  @Test
  void enginePodMonitorSelectsEnginePodsInEveryNamespace() {
    GenericKubernetesResource monitor = single("PodMonitor");

    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
    assertThat(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"))
        .isEqualTo(
            Map.of(
                "app.kubernetes.io/component",
                "engine",
                "app.kubernetes.io/part-of",
                "modelfleet"));
    assertThat(monitor.<Map<String, Object>>get("spec", "namespaceSelector"))
        .isEqualTo(Map.of("any", true));
    assertThat(monitor.<List<Map<String, Object>>>get("spec", "podMetricsEndpoints"))
        .singleElement()
        .satisfies(
            endpoint ->
                assertThat(endpoint)
                    .containsEntry("port", "http")
                    .containsEntry("path", "/metrics")
                    .containsEntry("interval", "30s"));
  }

  @Test
  void enginePodMonitorCanBeLimitedToNamespaces() {
    GenericKubernetesResource monitor =
        RenderedChart.render(
                values(
                    "monitoring.enginePodMonitor.enabled",
                    true,
                    "monitoring.enginePodMonitor.namespaces[0]",
                    "team-a"))
            .ofKind("PodMonitor")
            .get(0);

    assertThat(monitor.<Map<String, Object>>get("spec", "namespaceSelector"))
        .isEqualTo(Map.of("matchNames", List.of("team-a")));
  }

  @Test
  void ruleHasEveryAlertWithItsDefaultThreshold() {
    Map<String, Map<String, Object>> alerts = PrometheusRules.alerts(single(RULE_KIND));

    assertThat(alerts)
        .containsOnlyKeys(
            "ModelFleetGatewayErrorRateHigh",
            "ModelFleetGatewayLatencyHigh",
            "ModelFleetTimeToFirstTokenHigh",
            "ModelFleetRouteNoHealthyBackend",
            "ModelFleetEvictionsSpiking",
            "ModelFleetReconcileErrors");
    assertThat(expr(alerts, "ModelFleetGatewayErrorRateHigh"))
        .contains("modelfleet_gateway_requests_total{status=~\"5..\"}[5m]")
        .endsWith(") > 0.05");
    assertThat(expr(alerts, "ModelFleetGatewayLatencyHigh"))
        .startsWith("histogram_quantile(0.95,")
        .contains("modelfleet_gateway_request_duration_seconds_bucket[5m]")
        .endsWith("> 30");
    assertThat(expr(alerts, "ModelFleetTimeToFirstTokenHigh"))
        .contains("modelfleet_gateway_time_to_first_token_seconds_bucket[5m]")
        .endsWith("> 2");
    assertThat(expr(alerts, "ModelFleetRouteNoHealthyBackend"))
        .isEqualTo("max by (route) (modelfleet_gateway_healthy_backends) == 0");
    assertThat(alerts.get("ModelFleetRouteNoHealthyBackend")).containsEntry("for", "5m");
    assertThat(expr(alerts, "ModelFleetEvictionsSpiking"))
        .isEqualTo("sum by (namespace, pool) (increase(modelfleet_pool_evictions_total[15m])) > 3");
    assertThat(expr(alerts, "ModelFleetReconcileErrors"))
        .isEqualTo("sum by (kind) (increase(operator_sdk_reconciliations_failed_total[15m])) > 5");
  }

  @Test
  void everyAlertHasSeveritySummaryAndDescription() {
    assertThat(PrometheusRules.alerts(single(RULE_KIND)).values())
        .allSatisfy(
            alert -> {
              assertThat(alert).containsKeys("expr", "for", "labels", "annotations");
              assertThat(PrometheusRules.section(alert, "labels")).containsKey("severity");
              assertThat(PrometheusRules.section(alert, "annotations"))
                  .containsKeys("summary", "description");
            });
  }

  @Test
  void everyRuleReadsOnlyEmittedMetrics() {
    assertThat(PrometheusRules.alerts(single(RULE_KIND)).values())
        .allSatisfy(
            alert -> {
              String expr = (String) alert.get("expr");
              assertThat(MetricNames.readBy(expr))
                  .as("metrics read by %s", expr)
                  .isNotEmpty()
                  .isSubsetOf(MetricNames.EMITTED);
              assertThat(MetricNames.bracketsBalance(expr)).as("brackets of %s", expr).isTrue();
            });
  }

  @Test
  void thresholdsWindowsAndSeveritiesComeFromValues() {
    Map<String, Map<String, Object>> alerts =
        PrometheusRules.alerts(
            RenderedChart.render(
                    values(
                        "monitoring.prometheusRule.enabled",
                        true,
                        "monitoring.prometheusRule.alerts.gatewayErrorRate.threshold",
                        0.2,
                        "monitoring.prometheusRule.alerts.gatewayErrorRate.window",
                        "10m",
                        "monitoring.prometheusRule.alerts.gatewayLatency.thresholdSeconds",
                        12.5,
                        "monitoring.prometheusRule.alerts.timeToFirstToken.thresholdSeconds",
                        0.8,
                        "monitoring.prometheusRule.alerts.noHealthyBackend.for",
                        "2m",
                        "monitoring.prometheusRule.alerts.evictions.threshold",
                        10,
                        "monitoring.prometheusRule.alerts.reconcileErrors.severity",
                        "critical"))
                .ofKind(RULE_KIND)
                .get(0));

    assertThat(expr(alerts, "ModelFleetGatewayErrorRateHigh")).contains("[10m]").endsWith("> 0.2");
    assertThat(expr(alerts, "ModelFleetGatewayLatencyHigh")).endsWith("> 12.5");
    assertThat(expr(alerts, "ModelFleetTimeToFirstTokenHigh")).endsWith("> 0.8");
    assertThat(alerts.get("ModelFleetRouteNoHealthyBackend")).containsEntry("for", "2m");
    assertThat(expr(alerts, "ModelFleetEvictionsSpiking")).endsWith("> 10");
    assertThat(PrometheusRules.section(alerts.get("ModelFleetReconcileErrors"), "labels"))
        .containsEntry("severity", "critical");
  }

  @Test
  void dashboardsShipAsLabelledConfigMapsHoldingTheChartFiles() throws IOException {
    List<ConfigMap> maps = chart.all(ConfigMap.class);

    assertThat(maps).hasSameSizeAs(Dashboards.files());
    for (Path file : Dashboards.files()) {
      String key = file.getFileName().toString();
      ConfigMap map =
          maps.stream()
              .filter(m -> m.getData().containsKey(key))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no ConfigMap holds " + key));
      assertThat(map.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
      assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
      assertThat(Dashboards.parse(map.getData().get(key)))
          .isEqualTo(Dashboards.parse(Files.readString(file)));
    }
  }

  @Test
  void dashboardConfigMapsCanGoToGrafanasNamespace() {
    List<ConfigMap> maps =
        RenderedChart.render(
                values(
                    "monitoring.dashboards.enabled", true,
                    "monitoring.dashboards.namespace", "grafana",
                    "monitoring.dashboards.annotations.grafana_folder", "ModelFleet"))
            .all(ConfigMap.class);

    assertThat(maps)
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.getMetadata().getNamespace()).isEqualTo("grafana");
              assertThat(m.getMetadata().getAnnotations())
                  .containsEntry("grafana_folder", "ModelFleet");
            });
  }

  @Test
  void operatorServiceMonitorKeepsThePoolNamespaceLabel() {
    GenericKubernetesResource monitor =
        RenderedChart.render(values("metrics.serviceMonitor.enabled", true))
            .ofKind("ServiceMonitor")
            .get(0);

    assertThat(monitor.<List<Map<String, Object>>>get("spec", "endpoints"))
        .singleElement()
        .satisfies(endpoint -> assertThat(endpoint).containsEntry("honorLabels", true));
  }

  private GenericKubernetesResource single(String kind) {
    List<GenericKubernetesResource> found = chart.ofKind(kind);
    assertThat(found).as("rendered %s objects", kind).hasSize(1);
    return found.get(0);
  }

  private static String expr(Map<String, Map<String, Object>> alerts, String name) {
    return ((String) alerts.get(name).get("expr"))
        .replaceAll("\\s+", " ")
        .replace("( ", "(")
        .replace(" )", ")")
        .strip();
  }
}
