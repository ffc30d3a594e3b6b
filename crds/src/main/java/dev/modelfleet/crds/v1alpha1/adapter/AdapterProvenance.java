package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the adapter was trained from, and with what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdapterProvenance {

  @JsonPropertyDescription("Hugging Face repository of the base model trained on.")
  private String baseModel;

  @JsonPropertyDescription("Commit of the base model's repository.")
  private String baseRevision;

  @JsonPropertyDescription("lora or qlora.")
  private String method;

  @JsonPropertyDescription("SHA-256 of the training data.")
  private String datasetHash;

  @JsonPropertyDescription("Trainer image used, by digest when known.")
  private String trainerImage;

  @JsonPropertyDescription("Trainer version it reported (e.g. peft/trl versions).")
  private String trainerVersion;

  public String getBaseModel() {
    return baseModel;
  }

  public void setBaseModel(String baseModel) {
    this.baseModel = baseModel;
  }

  public String getBaseRevision() {
    return baseRevision;
  }

  public void setBaseRevision(String baseRevision) {
    this.baseRevision = baseRevision;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getDatasetHash() {
    return datasetHash;
  }

  public void setDatasetHash(String datasetHash) {
    this.datasetHash = datasetHash;
  }

  public String getTrainerImage() {
    return trainerImage;
  }

  public void setTrainerImage(String trainerImage) {
    this.trainerImage = trainerImage;
  }

  public String getTrainerVersion() {
    return trainerVersion;
  }

  public void setTrainerVersion(String trainerVersion) {
    this.trainerVersion = trainerVersion;
  }
}
