package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One measured figure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvalMetric {

  @JsonPropertyDescription(
      "Metric name, e.g. ttft_p50, itl_p95, output_tokens_per_second,"
          + " requests_per_second, error_rate, accuracy.")
  private String name;

  @JsonPropertyDescription("The measured value.")
  private Double value;

  @JsonPropertyDescription("Unit of the value: s, ms, tokens/s, requests/s, ratio or percent.")
  private String unit;

  @JsonPropertyDescription("Concurrency step it was measured at (latency suite).")
  private Integer concurrency;

  @JsonPropertyDescription("Task it was scored on (quality and lm-eval suites).")
  private String task;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }
}
