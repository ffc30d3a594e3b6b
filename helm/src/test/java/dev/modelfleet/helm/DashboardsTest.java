package dev.modelfleet.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Grafana dashboards parse, are well formed, and read only metrics that exist. */
class DashboardsTest {

  static List<Path> dashboards() {
    return Dashboards.files();
  }

  @Test
  void bothDashboardsShip() {
    assertThat(dashboards())
        .extracting(f -> Dashboards.parse(f).path("title").asText())
        .containsExactlyInAnyOrder("ModelFleet fleet overview", "ModelFleet route");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelIdsAreUnique(Path file) {
    List<Integer> ids =
        Dashboards.panels(Dashboards.parse(file)).stream()
            .map(p -> p.path("id").asInt(-1))
            .toList();

    assertThat(ids).isNotEmpty().doesNotContain(-1).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void queriesReadOnlyEmittedMetrics(Path file) {
    List<String> expressions = Dashboards.expressions(Dashboards.parse(file));

    assertThat(expressions).isNotEmpty();
    assertThat(expressions)
        .allSatisfy(
            expr ->
                assertThat(MetricNames.readBy(expr))
                    .as("metrics read by %s", expr)
                    .isNotEmpty()
                    .isSubsetOf(MetricNames.EMITTED));
    assertThat(expressions).allMatch(MetricNames::bracketsBalance, "brackets balance");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelsDoNotOverlap(Path file) {
    List<JsonNode> panels = Dashboards.panels(Dashboards.parse(file));

    for (int i = 0; i < panels.size(); i++) {
      for (int j = i + 1; j < panels.size(); j++) {
        JsonNode a = panels.get(i).path("gridPos");
        JsonNode b = panels.get(j).path("gridPos");
        boolean overlap =
            a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
        assertThat(overlap)
            .as("%s overlaps %s", panels.get(i).path("title"), panels.get(j).path("title"))
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyQueryUsesTheDatasourceVariable(Path file) {
    JsonNode dashboard = Dashboards.parse(file);

    assertThat(variableNames(dashboard)).contains("datasource");
    JsonNode datasource = variable(dashboard, "datasource");
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    assertThat(Dashboards.panels(dashboard))
        .filteredOn(p -> !p.path("type").asText().equals("row"))
        .allSatisfy(
            panel -> {
              assertThat(panel.path("datasource").path("uid").asText())
                  .as("datasource of panel %s", panel.path("title"))
                  .isEqualTo("${datasource}");
              assertThat(panel.path("targets")).isNotEmpty();
              panel
                  .path("targets")
                  .forEach(
                      t ->
                          assertThat(t.path("datasource").path("uid").asText())
                              .isEqualTo("${datasource}"));
            });
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void panelsAreTitledDescribedAndPlacedOnTheGrid(Path file) {
    assertThat(Dashboards.panels(Dashboards.parse(file)))
        .allSatisfy(
            panel -> {
              assertThat(panel.path("title").asText()).isNotBlank();
              JsonNode grid = panel.path("gridPos");
              assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isBetween(1, 24);
              assertThat(grid.path("h").asInt()).isPositive();
              if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("description").asText()).isNotBlank();
              }
            });
  }

  @Test
  void dashboardUidsAreUnique() {
    assertThat(dashboards())
        .extracting(f -> Dashboards.parse(f).path("uid").asText())
        .doesNotContain("")
        .doesNotHaveDuplicates();
  }

  @Test
  void routeDashboardIsTemplatedByRoute() {
    JsonNode route = Dashboards.titled("ModelFleet route");

    assertThat(variable(route, "route").path("definition").asText())
        .isEqualTo("label_values(modelfleet_gateway_requests_total, route)");
    assertThat(Dashboards.expressions(route))
        .allSatisfy(expr -> assertThat(expr).contains("route=\"$route\""));
    assertThat(Dashboards.expressions(route))
        .anyMatch(e -> e.contains("modelfleet_gateway_fallbacks_total"))
        .anyMatch(e -> e.contains("modelfleet_gateway_upstream_errors_total"))
        .anyMatch(e -> e.contains("modelfleet_gateway_time_to_first_token_seconds_bucket"))
        .anyMatch(e -> e.contains("modelfleet_gateway_estimated_cost_dollars_total"))
        .anyMatch(e -> e.contains("sum by (status)"));
  }

  @Test
  void fleetOverviewComputesCostPerMillionTokensPerModel() {
    JsonNode overview = Dashboards.titled("ModelFleet fleet overview");

    assertThat(Dashboards.expressions(overview))
        .contains(
            "sum by (model) (rate(modelfleet_gateway_estimated_cost_dollars_total[$__rate_interval]))"
                + " / sum by (model) (rate(modelfleet_gateway_tokens_total[$__rate_interval]))"
                + " * 1e6");
  }

  @Test
  void fleetOverviewCoversEveryFleetMetric() {
    String all =
        String.join("\n", Dashboards.expressions(Dashboards.titled("ModelFleet fleet overview")));

    assertThat(all)
        .contains("histogram_quantile(0.5, sum by (route, le)")
        .contains("histogram_quantile(0.95, sum by (route, le)")
        .contains("modelfleet_gateway_time_to_first_token_seconds_bucket")
        .contains("direction=\"input\"")
        .contains("direction=\"output\"")
        .contains("modelfleet_pool_vram_used_gibibytes")
        .contains("modelfleet_pool_vram_budget_gibibytes")
        .contains("modelfleet_pool_evictions_total")
        .contains("sum by (phase) (modelfleet_pool_models)")
        .contains("modelfleet_gateway_healthy_backends");
  }

  private static List<String> variableNames(JsonNode dashboard) {
    return StreamSupport.stream(dashboard.path("templating").path("list").spliterator(), false)
        .map(v -> v.path("name").asText())
        .toList();
  }

  private static JsonNode variable(JsonNode dashboard, String name) {
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("no variable " + name);
  }
}
