package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A model the pool evicted, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Eviction {

  @JsonPropertyDescription("The evicted model's name.")
  private String model;

  @JsonPropertyDescription(
      "Why, CamelCase: LowestScore, LeastRecentlyUsed, Oldest or BudgetShrunk.")
  private String reason;

  @JsonPropertyDescription("A readable explanation naming the budget that was exceeded.")
  private String message;

  @JsonPropertyDescription("When it was evicted (RFC 3339).")
  private String time;

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }
}
