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
}
