package dev.modelfleet.operator.testing;

import static io.restassured.RestAssured.given;

/** Reads the running operator's Prometheus metrics, for tests that wait on a reconcile. */
public final class OperatorMetrics {
  private static final String RECONCILES = "operator_sdk_reconciliations_success_total";

  private OperatorMetrics() {}

  /**
   * Successful reconciles of one kind of resource so far (e.g. Node), summed over its resources.
   * Per kind, because JOSDK drops a deleted resource's meters a little later, which would make a
   * sum over every controller fall while another controller's runs are cleaned up.
   */
  public static double successfulReconciles(String kind) {
    String label = "kind=\"" + kind + "\"";
    return given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(line -> line.startsWith(RECONCILES) && line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
