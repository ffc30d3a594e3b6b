package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import java.util.Optional;

/**
 * The CRD's CEL rules, checked again here: API servers before 1.25 do not enforce them, and a run
 * that cannot work should say so rather than start a Job that fails.
 */
final class EvalSpecCheck {
  private EvalSpecCheck() {}

  static Optional<String> problem(EvalRunSpec spec) {
    if (spec == null || spec.getTarget() == null || spec.getSuite() == null) {
      return Optional.of("spec.target and spec.suite are required");
    }
    EvalTarget target = spec.getTarget();
    if ((target.getPoolModel() == null) == (target.getRoute() == null)) {
      return Optional.of("target must set exactly one of poolModel or route");
    }
    if (spec.getSuite() == EvalSuite.QUALITY && spec.getQuality() == null) {
      return Optional.of("suite quality needs spec.quality (dataset and taskType)");
    }
    if (spec.getSuite() == EvalSuite.QUALITY) {
      var d = spec.getQuality().getDataset();
      int sources =
          (d == null ? 0 : (d.getBuiltin() != null ? 1 : 0))
              + (d == null ? 0 : (d.getConfigMap() != null ? 1 : 0))
              + (d == null ? 0 : (d.getVolume() != null ? 1 : 0));
      if (sources != 1 || spec.getQuality().getTaskType() == null) {
        return Optional.of(
            "quality.dataset must set exactly one of builtin, configMap or volume, and"
                + " quality.taskType is required");
      }
    }
    if (spec.getSuite() == EvalSuite.LM_EVAL
        && (spec.getLmEval() == null || spec.getImage() == null)) {
      return Optional.of(
          "suite lm-eval needs spec.lmEval (tasks) and spec.image (an lm-evaluation-harness"
              + " image)");
    }
    if (spec.getLatency() != null && spec.getSuite() != EvalSuite.LATENCY) {
      return Optional.of(
          "spec.latency applies to suite latency only: remove it or set suite latency");
    }
    if (spec.getQuality() != null && spec.getSuite() != EvalSuite.QUALITY) {
      return Optional.of(
          "spec.quality applies to suite quality only: remove it or set suite quality");
    }
    if (spec.getLmEval() != null && spec.getSuite() != EvalSuite.LM_EVAL) {
      return Optional.of(
          "spec.lmEval applies to suite lm-eval only: remove it or set suite lm-eval");
    }
    return Optional.empty();
  }
}
