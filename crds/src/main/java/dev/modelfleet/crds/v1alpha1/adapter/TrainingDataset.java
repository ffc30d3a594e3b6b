package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ConfigMapKeyRef;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Training samples (JSONL chat or prompt/completion records): exactly one source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.volume) ? 1 : 0) + (has(self.configMap) ? 1 : 0) +"
            + " (has(self.huggingFaceDataset) ? 1 : 0) == 1",
    message = "dataset must set exactly one of volume, configMap or huggingFaceDataset")
public class TrainingDataset {

  @JsonPropertyDescription("A JSONL file in a PersistentVolumeClaim.")
  private VolumePath volume;

  @JsonPropertyDescription("A JSONL file in a ConfigMap (small datasets).")
  private ConfigMapKeyRef configMap;

  @Size(max = 160)
  @Pattern(Patterns.HF_REPO_ID)
  @JsonPropertyDescription("Hugging Face dataset id, org/name.")
  private String huggingFaceDataset;

  public VolumePath getVolume() {
    return volume;
  }

  public void setVolume(VolumePath volume) {
    this.volume = volume;
  }

  public ConfigMapKeyRef getConfigMap() {
    return configMap;
  }

  public void setConfigMap(ConfigMapKeyRef configMap) {
    this.configMap = configMap;
  }

  public String getHuggingFaceDataset() {
    return huggingFaceDataset;
  }

  public void setHuggingFaceDataset(String huggingFaceDataset) {
    this.huggingFaceDataset = huggingFaceDataset;
  }
}
