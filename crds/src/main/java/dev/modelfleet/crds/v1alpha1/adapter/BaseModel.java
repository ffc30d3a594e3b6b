package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.PoolModelRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The model an adapter is trained on: exactly one of a pool model or a Hugging Face repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolModel) != has(self.huggingFaceRepo)",
    message = "baseModel must set exactly one of poolModel or huggingFaceRepo")
@ValidationRule(
    value = "!has(self.revision) || has(self.huggingFaceRepo)",
    message =
        "baseModel.revision applies to huggingFaceRepo only: a pool model's revision"
            + " comes from the pool")
public class BaseModel {

  @JsonPropertyDescription("A model of a ModelPool; its source and revision are used.")
  private PoolModelRef poolModel;

  @Size(max = 160)
  @Pattern(Patterns.HF_REPO_ID)
  @JsonPropertyDescription("Hugging Face repository id, org/name.")
  private String huggingFaceRepo;

  @Size(max = 100)
  @Pattern(Patterns.REVISION)
  @JsonPropertyDescription("Revision of huggingFaceRepo: a branch, tag or commit.")
  private String revision;

  public PoolModelRef getPoolModel() {
    return poolModel;
  }

  public void setPoolModel(PoolModelRef poolModel) {
    this.poolModel = poolModel;
  }

  public String getHuggingFaceRepo() {
    return huggingFaceRepo;
  }

  public void setHuggingFaceRepo(String huggingFaceRepo) {
    this.huggingFaceRepo = huggingFaceRepo;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }
}
