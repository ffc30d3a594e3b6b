package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where a model's weights come from: exactly one source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.huggingFace) != has(self.ollama)",
    message = "source must set exactly one of huggingFace or ollama")
public class ModelSource {

  @Size(max = 160)
  @Pattern(Patterns.HF_REPO_ID)
  @JsonPropertyDescription(
      "Hugging Face repository id, org/name (e.g. meta-llama/Llama-3.1-8B-Instruct)."
          + " Letters, digits, '_', '-' and '.', no '--' or '..', neither part starting or"
          + " ending with '-' or '.'. Served by vLLM or SGLang.")
  private String huggingFace;

  @Size(max = 200)
  @Pattern(Patterns.OLLAMA_TAG)
  @JsonPropertyDescription(
      "Ollama model tag, [namespace/]model[:tag] (e.g. llama3.1:8b or"
          + " hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M). Served by Ollama.")
  private String ollama;

  public String getHuggingFace() {
    return huggingFace;
  }

  public void setHuggingFace(String huggingFace) {
    this.huggingFace = huggingFace;
  }

  public String getOllama() {
    return ollama;
  }

  public void setOllama(String ollama) {
    this.ollama = ollama;
  }
}
