package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.JobResources;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A Job that measures a served model; its results feed back into ranking. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.suite != 'quality' || has(self.quality)",
    message = "suite quality needs spec.quality (dataset and taskType)")
@ValidationRule(
    value = "self.suite != 'lm-eval' || (has(self.lmEval) && has(self.image))",
    message =
        "suite lm-eval needs spec.lmEval (tasks) and spec.image (an"
            + " lm-evaluation-harness image)")
@ValidationRule(
    value = "!has(self.latency) || self.suite == 'latency'",
    message = "spec.latency applies to suite latency only: remove it or set suite latency")
@ValidationRule(
    value = "!has(self.quality) || self.suite == 'quality'",
    message = "spec.quality applies to suite quality only: remove it or set suite quality")
@ValidationRule(
    value = "!has(self.lmEval) || self.suite == 'lm-eval'",
    message = "spec.lmEval applies to suite lm-eval only: remove it or set suite lm-eval")
public class EvalRunSpec {

  @Required
  @JsonPropertyDescription("The pool model or route to measure.")
  private EvalTarget target;

  @Required
  @JsonPropertyDescription(
      "latency (load steps), quality (scored JSONL tasks) or lm-eval"
          + " (lm-evaluation-harness; needs image).")
  private EvalSuite suite;

  @JsonPropertyDescription("Load profile for suite latency (defaults apply when unset).")
  private LatencyProfile latency;

  @JsonPropertyDescription("Dataset and scoring for suite quality (required there).")
  private QualitySuite quality;

  @JsonPropertyDescription("Tasks for suite lm-eval (required there).")
  private LmEvalSuite lmEval;

  @Size(max = 512)
  @Pattern(Patterns.IMAGE)
  @JsonPropertyDescription(
      "Runner image. Defaults to the operator's image (its modelfleet eval command)"
          + " for latency and quality; required for lm-eval.")
  private String image;

  @JsonPropertyDescription("Compute for the runner Pod.")
  private JobResources resources;

  @Min(60)
  @Max(86400)
  @Default("3600")
  @JsonPropertyDescription(
      "Time limit for the whole run, in seconds (the Job's activeDeadlineSeconds;"
          + " default 3600).")
  private Integer timeoutSeconds = 3600;

  @Min(1)
  @Max(64)
  @Default("1")
  @JsonPropertyDescription(
      "Runner Pods sharing the samples (the Job's parallelism; default 1). The"
          + " latency suite always runs one Pod, since its concurrency steps set the load.")
  private Integer parallelism = 1;

  @Default("true")
  @JsonPropertyDescription(
      "Record the results as direct ranking evidence for the model (default true), so"
          + " pool scores and placement follow them.")
  private Boolean recordAsEvidence = true;

  public EvalTarget getTarget() {
    return target;
  }

  public void setTarget(EvalTarget target) {
    this.target = target;
  }

  public EvalSuite getSuite() {
    return suite;
  }

  public void setSuite(EvalSuite suite) {
    this.suite = suite;
  }

  public LatencyProfile getLatency() {
    return latency;
  }

  public void setLatency(LatencyProfile latency) {
    this.latency = latency;
  }

  public QualitySuite getQuality() {
    return quality;
  }

  public void setQuality(QualitySuite quality) {
    this.quality = quality;
  }

  public LmEvalSuite getLmEval() {
    return lmEval;
  }

  public void setLmEval(LmEvalSuite lmEval) {
    this.lmEval = lmEval;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public JobResources getResources() {
    return resources;
  }

  public void setResources(JobResources resources) {
    this.resources = resources;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getParallelism() {
    return parallelism;
  }

  public void setParallelism(Integer parallelism) {
    this.parallelism = parallelism;
  }

  public Boolean getRecordAsEvidence() {
    return recordAsEvidence;
  }

  public void setRecordAsEvidence(Boolean recordAsEvidence) {
    this.recordAsEvidence = recordAsEvidence;
  }
}
