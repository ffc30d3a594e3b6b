package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.JobResources;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A Job that trains a LoRA or QLoRA adapter for a model from a dataset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.registerInto) || has(self.registerInto.model) ||"
            + " has(self.baseModel.poolModel)",
    message =
        "registerInto.model is required when baseModel is a huggingFaceRepo: name the"
            + " pool model that serves it")
@ValidationRule(
    value = "!has(self.evaluateAfter) || has(self.registerInto)",
    message = "evaluateAfter needs registerInto: an adapter is evaluated where it is served")
public class AdapterRunSpec {

  @Required
  @JsonPropertyDescription("The model to adapt.")
  private BaseModel baseModel;

  @Required
  @JsonPropertyDescription("The training samples.")
  private TrainingDataset dataset;

  @Default("lora")
  @JsonPropertyDescription(
      "lora (16-bit base weights) or qlora (4-bit quantized base weights, less GPU" + " memory).")
  private TrainingMethod method = TrainingMethod.LORA;

  @JsonPropertyDescription("Training settings; defaults suit a first run.")
  private Hyperparameters hyperparameters = new Hyperparameters();

  @Size(max = 512)
  @Pattern(Patterns.IMAGE)
  @JsonPropertyDescription(
      "PEFT/TRL- or Unsloth-style trainer image. Defaults to the operator's pinned"
          + " trainer image (see docs/adapters.md).")
  private String trainerImage;

  @JsonPropertyDescription("Compute for the trainer Pod (one GPU when unset).")
  private JobResources resources;

  @Required
  @JsonPropertyDescription("Directory in a PersistentVolumeClaim the adapter is written to.")
  private VolumePath output;

  @JsonPropertyDescription(
      "The pool that serves the adapter once trained; unset leaves it on the volume" + " only.")
  private AdapterRegistration registerInto;

  @JsonPropertyDescription("Evaluate the adapter once served; needs registerInto.")
  private EvaluateAfter evaluateAfter;

  @JsonPropertyDescription(
      "Secret key holding a Hugging Face token, for gated base models and datasets.")
  private SecretKeyRef huggingFaceTokenSecretRef;

  @Min(60)
  @Max(604800)
  @Default("86400")
  @JsonPropertyDescription(
      "Time limit for training, in seconds (the Job's activeDeadlineSeconds; default" + " 86400).")
  private Integer timeoutSeconds = 86400;

  public BaseModel getBaseModel() {
    return baseModel;
  }

  public void setBaseModel(BaseModel baseModel) {
    this.baseModel = baseModel;
  }

  public TrainingDataset getDataset() {
    return dataset;
  }

  public void setDataset(TrainingDataset dataset) {
    this.dataset = dataset;
  }

  public TrainingMethod getMethod() {
    return method;
  }

  public void setMethod(TrainingMethod method) {
    this.method = method;
  }

  public Hyperparameters getHyperparameters() {
    return hyperparameters;
  }

  public void setHyperparameters(Hyperparameters hyperparameters) {
    this.hyperparameters = hyperparameters;
  }

  public String getTrainerImage() {
    return trainerImage;
  }

  public void setTrainerImage(String trainerImage) {
    this.trainerImage = trainerImage;
  }

  public JobResources getResources() {
    return resources;
  }

  public void setResources(JobResources resources) {
    this.resources = resources;
  }

  public VolumePath getOutput() {
    return output;
  }

  public void setOutput(VolumePath output) {
    this.output = output;
  }

  public AdapterRegistration getRegisterInto() {
    return registerInto;
  }

  public void setRegisterInto(AdapterRegistration registerInto) {
    this.registerInto = registerInto;
  }

  public EvaluateAfter getEvaluateAfter() {
    return evaluateAfter;
  }

  public void setEvaluateAfter(EvaluateAfter evaluateAfter) {
    this.evaluateAfter = evaluateAfter;
  }

  public SecretKeyRef getHuggingFaceTokenSecretRef() {
    return huggingFaceTokenSecretRef;
  }

  public void setHuggingFaceTokenSecretRef(SecretKeyRef huggingFaceTokenSecretRef) {
    this.huggingFaceTokenSecretRef = huggingFaceTokenSecretRef;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }
}
