package dev.modelfleet.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extractor the dashboard and alert checks rely on finds metrics and nothing else. */
class MetricNamesTest {

  @Test
  void findsMetricsInsideFunctionsAndAggregations() {
    assertThat(
            MetricNames.readBy(
                "histogram_quantile(0.95, sum by (route, le) (rate(foo_bucket{route=\"$route\"}"
                    + "[$__rate_interval]))) / sum(rate(bar_total[5m])) * 1e6"))
        .containsExactly("foo_bucket", "bar_total");
  }

  @Test
  void ignoresLabelNamesKeywordsAndStrings() {
    assertThat(
            MetricNames.readBy(
                "sum(a{status=~\"5..\"}) without (pod) > bool 0 unless on (route) b"
                    + " or max(c) by (namespace, pool)"))
        .containsExactly("a", "b", "c");
  }

  @Test
  void bracketsMustCloseInOrder() {
    assertThat(MetricNames.bracketsBalance("sum(rate(a{b=\")\"}[5m]))")).isTrue();
    assertThat(MetricNames.bracketsBalance("sum(rate(a[5m])")).isFalse();
    assertThat(MetricNames.bracketsBalance("sum(rate(a[5m)])")).isFalse();
  }

  @Test
  void findsABareMetric() {
    assertThat(MetricNames.readBy("modelfleet_gateway_healthy_backends == 0"))
        .containsExactly("modelfleet_gateway_healthy_backends");
  }
}
