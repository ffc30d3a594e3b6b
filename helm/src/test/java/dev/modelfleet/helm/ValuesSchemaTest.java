package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.renderError;
import static dev.modelfleet.helm.RenderedChart.values;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * values.schema.json turns mistakes into errors that name the field (as a JSON pointer such as
 * {@code /logging/level}) before anything renders.
 */
class ValuesSchemaTest {

  @Test
  void rejectsNegativeReplicas() {
    assertThat(renderError(values("replicas", -1))).contains("'/replicas'", "minimum");
  }

  @Test
  void rejectsUnknownLogLevel() {
    assertThat(renderError(values("logging.level", "VERBOSE")))
        .contains("'/logging/level'", "must be one of", "'INFO'");
  }

  @Test
  void rejectsNonBooleanJsonLogging() {
    assertThat(renderError(values("logging.json", "yes")))
        .contains("'/logging/json'", "want boolean");
  }

  @Test
  void rejectsUnknownPullPolicy() {
    assertThat(renderError(values("image.pullPolicy", "Sometimes")))
        .contains("'/image/pullPolicy'", "must be one of");
  }

  @Test
  void rejectsInvalidNamespaceName() {
    assertThat(renderError(values("watchNamespaces[0]", "Team_A")))
        .contains("'/watchNamespaces/0'", "'Team_A'");
  }

  @Test
  void rejectsMisspelledKeys() {
    assertThat(renderError(values("replica", 2))).contains("additional properties 'replica'");
  }

  @Test
  void rejectsBadScrapeInterval() {
    assertThat(renderError(values("metrics.serviceMonitor.interval", "30 seconds")))
        .contains("'/metrics/serviceMonitor/interval'");
  }

  @Test
  void rejectsNegativeGatewayReplicas() {
    assertThat(renderError(values("gateway.replicas", -1)))
        .contains("'/gateway/replicas'", "minimum");
  }

  @Test
  void rejectsAutoscalingToZeroReplicas() {
    assertThat(renderError(values("gateway.autoscaling.minReplicas", 0)))
        .contains("'/gateway/autoscaling/minReplicas'", "minimum");
  }

  @Test
  void rejectsCpuTargetAboveOneHundredPercent() {
    assertThat(renderError(values("gateway.autoscaling.targetCPUUtilizationPercentage", 150)))
        .contains("'/gateway/autoscaling/targetCPUUtilizationPercentage'", "maximum");
  }

  @Test
  void rejectsBadDisruptionBudget() {
    assertThat(renderError(values("gateway.podDisruptionBudget.maxUnavailable", "half")))
        .contains("'/gateway/podDisruptionBudget/maxUnavailable'");
  }

  @Test
  void rejectsTinyBodyLimit() {
    assertThat(renderError(values("gateway.maxBodyBytes", 10)))
        .contains("'/gateway/maxBodyBytes'", "minimum");
  }

  @Test
  void rejectsInvalidGatewayNamespace() {
    assertThat(renderError(values("gateway.namespaces[0]", "Team_A")))
        .contains("'/gateway/namespaces/0'", "'Team_A'");
  }

  @Test
  void rejectsOutOfRangeServicePort() {
    assertThat(renderError(values("gateway.service.port", 70000)))
        .contains("'/gateway/service/port'", "maximum");
  }

  @Test
  void rejectsErrorRateThresholdAboveOne() {
    assertThat(
            renderError(values("monitoring.prometheusRule.alerts.gatewayErrorRate.threshold", 5)))
        .contains("'/monitoring/prometheusRule/alerts/gatewayErrorRate/threshold'", "maximum");
  }

  @Test
  void rejectsNegativeLatencyObjective() {
    assertThat(
            renderError(
                values("monitoring.prometheusRule.alerts.gatewayLatency.thresholdSeconds", -1)))
        .contains("'/monitoring/prometheusRule/alerts/gatewayLatency/thresholdSeconds'");
  }

  @Test
  void rejectsUnknownSeverity() {
    assertThat(renderError(values("monitoring.prometheusRule.alerts.evictions.severity", "page")))
        .contains("'/monitoring/prometheusRule/alerts/evictions/severity'", "must be one of");
  }

  @Test
  void rejectsBadAlertWindow() {
    assertThat(
            renderError(
                values("monitoring.prometheusRule.alerts.reconcileErrors.window", "15 minutes")))
        .contains("'/monitoring/prometheusRule/alerts/reconcileErrors/window'");
  }

  @Test
  void rejectsMisspelledMonitoringKeys() {
    assertThat(renderError(values("monitoring.serviceMonitor.enabled", true)))
        .contains("additional properties 'serviceMonitor'");
  }

  @Test
  void rejectsDecimalStringErrorRateAboveOne() {
    // helm --set passes decimals as strings, so the schema checks those too.
    assertThat(
            renderError(
                values("monitoring.prometheusRule.alerts.gatewayErrorRate.threshold", "1.5")))
        .contains("'/monitoring/prometheusRule/alerts/gatewayErrorRate/threshold'");
  }
}
