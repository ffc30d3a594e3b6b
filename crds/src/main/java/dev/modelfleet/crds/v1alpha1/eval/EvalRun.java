package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ApiGroup;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Job that measures a served model (latency and throughput, a quality suite, or
 * lm-evaluation-harness); its results feed back into ranking. Ready once results are in status.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("EvalRun")
@Plural("evalruns")
@ShortNames({"er"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ApiGroup.READY_JSON_PATH)
@AdditionalPrinterColumn(name = "Suite", jsonPath = ".spec.suite")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Model", jsonPath = ".status.provenance.model")
@AdditionalPrinterColumn(name = "Job", jsonPath = ".status.jobName", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class EvalRun extends CustomResource<EvalRunSpec, EvalRunStatus> implements Namespaced {

  @Override
  @JsonPropertyDescription(
      "What to measure, with which suite, and the runner Job's image, resources and limits.")
  public EvalRunSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Written by the operator: the Job, its phase, the results"
          + " with their provenance, and conditions.")
  public EvalRunStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected EvalRunStatus initStatus() {
    return new EvalRunStatus();
  }
}
