package dev.modelfleet.operator.testing;

import static io.restassured.RestAssured.given;

/** Reads the running operator's Prometheus metrics, for tests that wait on a reconcile. */
public final class OperatorMetrics {
  private static final String RECONCILES = "operator_sdk_reconciliations_success_total";

  private OperatorMetrics() {}

  /** Successful reconciles so far, summed over every controller and resource. */
  public static double successfulReconciles() {
    return given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .lines()
        .filter(line -> line.startsWith(RECONCILES))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
