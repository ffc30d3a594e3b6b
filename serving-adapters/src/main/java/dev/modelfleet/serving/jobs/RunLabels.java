package dev.modelfleet.serving.jobs;

import dev.modelfleet.serving.ManagedLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels on run Jobs and their Pods, so the operator finds the Pods of a run. */
public final class RunLabels {
  /** On the Job and Pods of an EvalRun: the run's name. */
  public static final String EVAL_RUN = "modelfleet.dev/eval-run";

  /** On the Job and Pods of an AdapterRun: the run's name. */
  public static final String ADAPTER_RUN = "modelfleet.dev/adapter-run";

  /** The run's metadata.generation the Job was made for. */
  public static final String GENERATION = "modelfleet.dev/run-generation";

  private RunLabels() {}

  static Map<String, String> of(String runLabel, String runName, String component, long gen) {
    Map<String, String> labels =
        new LinkedHashMap<>(ManagedLabels.of(component, runName, component));
    labels.put(runLabel, runName);
    labels.put(GENERATION, Long.toString(gen));
    return labels;
  }
}
