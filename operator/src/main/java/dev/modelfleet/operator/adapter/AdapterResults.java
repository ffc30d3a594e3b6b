package dev.modelfleet.operator.adapter;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterArtifact;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingLoss;
import dev.modelfleet.serving.jobs.RunReport;

/** A trainer report's figures as an AdapterRun's loss and artifact. */
final class AdapterResults {
  private AdapterResults() {}

  static TrainingLoss loss(RunReport report) {
    TrainingLoss loss = new TrainingLoss();
    for (RunReport.Metric m : report.metrics()) {
      switch (m.name()) {
        case "initial_train_loss" -> loss.setInitialTrainLoss(m.value());
        case "final_train_loss" -> loss.setFinalTrainLoss(m.value());
        case "final_eval_loss" -> loss.setFinalEvalLoss(m.value());
        case "steps" -> loss.setSteps((int) Math.round(m.value()));
        case "epochs" -> loss.setEpochs(m.value());
        default -> {
          // other figures (the adapter's size) go elsewhere
        }
      }
    }
    return loss;
  }

  static AdapterArtifact artifact(AdapterRunSpec spec, RunReport report) {
    AdapterArtifact artifact = new AdapterArtifact();
    artifact.setClaimName(spec.getOutput().getClaimName());
    artifact.setPath(spec.getOutput().getPath());
    report.metrics().stream()
        .filter(m -> m.name().equals("adapter_size_bytes"))
        .findFirst()
        .ifPresent(m -> artifact.setSizeBytes(Math.round(m.value())));
    return artifact;
  }
}
