package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Container images to run instead of the engines' pinned defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EngineImages {

  @Size(max = 512)
  @Pattern(Patterns.IMAGE)
  @JsonPropertyDescription("vLLM image, e.g. vllm/vllm-openai:v0.8.5.")
  private String vllm;

  @Size(max = 512)
  @Pattern(Patterns.IMAGE)
  @JsonPropertyDescription("SGLang image, e.g. lmsysorg/sglang:v0.4.6.post1-cu124.")
  private String sglang;

  @Size(max = 512)
  @Pattern(Patterns.IMAGE)
  @JsonPropertyDescription("Ollama image, e.g. ollama/ollama:0.6.8.")
  private String ollama;

  public String getVllm() {
    return vllm;
  }

  public void setVllm(String vllm) {
    this.vllm = vllm;
  }

  public String getSglang() {
    return sglang;
  }

  public void setSglang(String sglang) {
    this.sglang = sglang;
  }

  public String getOllama() {
    return ollama;
  }

  public void setOllama(String ollama) {
    this.ollama = ollama;
  }
}
