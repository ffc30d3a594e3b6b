package dev.modelfleet.operator.adapter;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.adapter.BaseModel;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingDataset;
import java.util.Optional;

/**
 * The CRD's CEL rules, checked again here: API servers before 1.25 do not enforce them, and a
 * training run that cannot work should say so before it holds a GPU.
 */
final class AdapterSpecCheck {
  private AdapterSpecCheck() {}

  static Optional<String> problem(AdapterRunSpec spec) {
    if (spec == null
        || spec.getBaseModel() == null
        || spec.getDataset() == null
        || spec.getOutput() == null) {
      return Optional.of("spec.baseModel, spec.dataset and spec.output are required");
    }
    BaseModel base = spec.getBaseModel();
    if ((base.getPoolModel() == null) == (base.getHuggingFaceRepo() == null)) {
      return Optional.of("baseModel must set exactly one of poolModel or huggingFaceRepo");
    }
    if (base.getRevision() != null && base.getHuggingFaceRepo() == null) {
      return Optional.of(
          "baseModel.revision applies to huggingFaceRepo only: a pool model's revision comes from"
              + " the pool");
    }
    TrainingDataset d = spec.getDataset();
    int sources =
        (d.getVolume() != null ? 1 : 0)
            + (d.getConfigMap() != null ? 1 : 0)
            + (d.getHuggingFaceDataset() != null ? 1 : 0);
    if (sources != 1) {
      return Optional.of("dataset must set exactly one of volume, configMap or huggingFaceDataset");
    }
    if (spec.getRegisterInto() != null
        && spec.getRegisterInto().getModel() == null
        && base.getPoolModel() == null) {
      return Optional.of(
          "registerInto.model is required when baseModel is a huggingFaceRepo: name the pool"
              + " model that serves it");
    }
    if (spec.getEvaluateAfter() != null && spec.getRegisterInto() == null) {
      return Optional.of(
          "evaluateAfter needs registerInto: an adapter is evaluated where it is served");
    }
    return Optional.empty();
  }
}
