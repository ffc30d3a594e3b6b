package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** The models a team wants served, and the budgets and allow-lists they are served under. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.models.all(m, self.models.exists_one(n, n.name == m.name))",
    message = "models[].name must be unique within the pool: rename the duplicate model")
public class ModelPoolSpec {

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription(
      "Models to serve, 1 to 64, with unique names. The ranker decides which fit and"
          + " where; order does not matter.")
  private List<PoolModel> models = new ArrayList<>();

  @JsonPropertyDescription("Disk and GPU memory limits for the pool.")
  private PoolBudgets budgets = new PoolBudgets();

  @JsonPropertyDescription("Which HardwareProfiles the pool may use; unset means every profile.")
  private HardwareProfileSelector hardwareProfiles;

  @Size(max = 64)
  @JsonPropertyDescription(
      "Hugging Face organisations models may come from (e.g. meta-llama, Qwen). Empty"
          + " allows all; a model from another organisation becomes Unfit with reason"
          + " NotAllowed.")
  private List<@Pattern(Patterns.HF_ORG) @Size(max = 96) String> allowedOrgs = new ArrayList<>();

  @Size(max = 64)
  @JsonPropertyDescription(
      "Model families allowed (e.g. llama, qwen2, gemma2), as the registry reports"
          + " them. Empty allows all; another family becomes Unfit with reason NotAllowed.")
  private List<@Pattern(Patterns.FAMILY) @Size(max = 63) String> allowedFamilies =
      new ArrayList<>();

  @Default("warn")
  @JsonPropertyDescription(
      "What to do with a model no registry source knows: allow, warn (default: one"
          + " Warning condition and Event per model) or reject (the model becomes Unfit"
          + " with a reason naming what to add). A model's allowUnknown bypasses it.")
  private UnknownModelPolicy unknownModels = UnknownModelPolicy.WARN;

  @JsonPropertyDescription(
      "Secret key holding a Hugging Face token, for gated or private repositories and"
          + " for higher Hub rate limits. Passed to the engines as HF_TOKEN.")
  private SecretKeyRef huggingFaceTokenSecretRef;

  @JsonPropertyDescription("Images to use instead of each engine's pinned default.")
  private EngineImages engineImages;

  @Default("false")
  @JsonPropertyDescription(
      "Plan only: rank and place, and report the plan in status, but create, change"
          + " or delete no Deployments, Services or PersistentVolumeClaims.")
  private Boolean dryRun = false;

  public List<PoolModel> getModels() {
    return models;
  }

  public void setModels(List<PoolModel> models) {
    this.models = models == null ? new ArrayList<>() : models;
  }

  public PoolBudgets getBudgets() {
    return budgets;
  }

  public void setBudgets(PoolBudgets budgets) {
    this.budgets = budgets;
  }

  public HardwareProfileSelector getHardwareProfiles() {
    return hardwareProfiles;
  }

  public void setHardwareProfiles(HardwareProfileSelector hardwareProfiles) {
    this.hardwareProfiles = hardwareProfiles;
  }

  public List<String> getAllowedOrgs() {
    return allowedOrgs;
  }

  public void setAllowedOrgs(List<String> allowedOrgs) {
    this.allowedOrgs = allowedOrgs == null ? new ArrayList<>() : allowedOrgs;
  }

  public List<String> getAllowedFamilies() {
    return allowedFamilies;
  }

  public void setAllowedFamilies(List<String> allowedFamilies) {
    this.allowedFamilies = allowedFamilies == null ? new ArrayList<>() : allowedFamilies;
  }

  public UnknownModelPolicy getUnknownModels() {
    return unknownModels;
  }

  public void setUnknownModels(UnknownModelPolicy unknownModels) {
    this.unknownModels = unknownModels;
  }

  public SecretKeyRef getHuggingFaceTokenSecretRef() {
    return huggingFaceTokenSecretRef;
  }

  public void setHuggingFaceTokenSecretRef(SecretKeyRef huggingFaceTokenSecretRef) {
    this.huggingFaceTokenSecretRef = huggingFaceTokenSecretRef;
  }

  public EngineImages getEngineImages() {
    return engineImages;
  }

  public void setEngineImages(EngineImages engineImages) {
    this.engineImages = engineImages;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }
}
