package dev.modelfleet.operator.route;

/** One thing wrong with a ModelRoute's spec: the field, a CamelCase reason and how to fix it. */
public record SpecProblem(String field, String reason, String message) {

  /** The problem as one line: the field, then what is wrong and the fix. */
  public String describe() {
    return field + ": " + message;
  }
}
