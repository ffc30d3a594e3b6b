package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ConfigMapKeyRef;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Samples for the quality suite, one JSON object per line: exactly one source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "(has(self.builtin) ? 1 : 0) + (has(self.configMap) ? 1 : 0) +"
            + " (has(self.volume) ? 1 : 0) == 1",
    message = "quality.dataset must set exactly one of builtin, configMap or volume")
public class QualityDataset {

  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "A small sample set bundled with the runner, so the suite runs out of the box"
          + " (see docs/evaluation.md for the list).")
  private String builtin;

  @JsonPropertyDescription("A JSONL file in a ConfigMap.")
  private ConfigMapKeyRef configMap;

  @JsonPropertyDescription("A JSONL file in a PersistentVolumeClaim.")
  private VolumePath volume;

  public String getBuiltin() {
    return builtin;
  }

  public void setBuiltin(String builtin) {
    this.builtin = builtin;
  }

  public ConfigMapKeyRef getConfigMap() {
    return configMap;
  }

  public void setConfigMap(ConfigMapKeyRef configMap) {
    this.configMap = configMap;
  }

  public VolumePath getVolume() {
    return volume;
  }

  public void setVolume(VolumePath volume) {
    this.volume = volume;
  }
}
