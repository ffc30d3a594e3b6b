package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where an adapter's weights come from: exactly one source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.huggingFace) != has(self.volume)",
    message = "adapter source must set exactly one of huggingFace or volume")
public class AdapterSource {

  @Size(max = 160)
  @Pattern(Patterns.HF_REPO_ID)
  @JsonPropertyDescription("Hugging Face repository id of the adapter, org/name.")
  private String huggingFace;

  @JsonPropertyDescription(
      "Directory in a PersistentVolumeClaim holding the adapter, e.g. the output of"
          + " an AdapterRun.")
  private VolumePath volume;

  public String getHuggingFace() {
    return huggingFace;
  }

  public void setHuggingFace(String huggingFace) {
    this.huggingFace = huggingFace;
  }

  public VolumePath getVolume() {
    return volume;
  }

  public void setVolume(VolumePath volume) {
    this.volume = volume;
  }
}
