package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** One model a team wants the pool to serve. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.engine) || self.engine != 'ollama' || has(self.source.ollama)",
    message =
        "engine ollama needs source.ollama (an Ollama tag such as llama3.1:8b): set"
            + " source.ollama or choose engine vllm, sglang or auto")
@ValidationRule(
    value =
        "!has(self.source.ollama) || !has(self.engine) || self.engine == 'ollama' ||"
            + " self.engine == 'auto'",
    message =
        "source.ollama is served by Ollama: set engine to ollama or auto, or use"
            + " source.huggingFace")
@ValidationRule(
    value = "!has(self.revision) || has(self.source.huggingFace)",
    message =
        "revision applies to source.huggingFace only: pin an Ollama model with its tag"
            + " and drop revision")
@ValidationRule(
    value = "!has(self.adapters) || size(self.adapters) == 0 ||" + " has(self.source.huggingFace)",
    message =
        "adapters need source.huggingFace served by vLLM or SGLang: drop adapters or"
            + " change the source")
@ValidationRule(
    value =
        "!has(self.adapters) || self.adapters.all(a, self.adapters.exists_one(b, b.name"
            + " == a.name))",
    message = "adapters[].name must be unique within a model: rename the duplicate adapter")
public class PoolModel {

  @Required
  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "Name of the model within the pool (a DNS label): used in the names of its"
          + " Deployment and Service and by ModelRoutes and EvalRuns (poolModel.model).")
  private String name;

  @Required
  @JsonPropertyDescription(
      "Where the weights come from: a Hugging Face repository or an Ollama tag.")
  private ModelSource source;

  @Size(max = 100)
  @Pattern(Patterns.REVISION)
  @JsonPropertyDescription(
      "Hugging Face revision to pin: a branch, tag or commit. Ollama sources pin with"
          + " their tag instead.")
  private String revision;

  @Size(max = 32)
  @Pattern(Patterns.QUANTIZATION)
  @JsonPropertyDescription(
      "Quantization of the weights to serve: a GGUF type (Q2_K ... Q8_0, IQ1_S ..."
          + " IQ4_NL, F16, BF16), AWQ, GPTQ (e.g. GPTQ-Int4), FP8, INT8, INT4, W8A8,"
          + " bitsandbytes (bnb-4bit, bnb-8bit, nf4) or MLX (mlx-q4, mlx-q8), in their"
          + " usual spellings and case variants. Unset means the repository's own"
          + " precision.")
  private String quantization;

  @Min(256)
  @Max(8388608)
  @JsonPropertyDescription(
      "Context length to serve, in tokens. Sizes the KV cache in the VRAM estimate."
          + " Defaults to the model's own limit, capped so the model fits.")
  private Integer contextLength;

  @Min(1)
  @Max(4096)
  @Default("1")
  @JsonPropertyDescription(
      "Sequences each replica must hold in its KV cache at contextLength; sizes the"
          + " VRAM estimate.")
  private Integer concurrency = 1;

  @Default("auto")
  @JsonPropertyDescription(
      "Data type of the KV cache: auto (the engine's default, usually the weights'"
          + " dtype), f16, fp8, q8_0 or q4_0.")
  private KvCacheDtype kvCacheDtype = KvCacheDtype.AUTO;

  @Default("auto")
  @JsonPropertyDescription(
      "Engine to serve with: vllm, sglang, ollama, or auto (Ollama for Ollama tags"
          + " and GGUF quantizations on small GPUs, otherwise vLLM).")
  private Engine engine = Engine.AUTO;

  @Min(0)
  @Max(64)
  @Default("1")
  @JsonPropertyDescription("Replicas to serve; 0 keeps the model listed but not running.")
  private Integer replicas = 1;

  @Default("false")
  @JsonPropertyDescription(
      "A pinned model is never evicted; if it cannot be placed it stays Pending with"
          + " a reason.")
  private Boolean pinned = false;

  @Min(0)
  @Max(1000)
  @Default("100")
  @JsonPropertyDescription(
      "Relative importance, 0 to 1000 (default 100). Placement maximises score times"
          + " priority/100, so a higher priority wins placement and is evicted later.")
  private Integer priority = 100;

  @Default("false")
  @JsonPropertyDescription(
      "Serve this model even when no registry source knows it, bypassing"
          + " unknownModels: reject; the estimates then rest on overrides and conservative"
          + " defaults.")
  private Boolean allowUnknown = false;

  @JsonPropertyDescription(
      "Model facts that win over the built-in catalog, the Hugging Face Hub and the"
          + " user registry (e.g. for a private model).")
  private ModelFactsOverride overrides;

  @Size(max = 32)
  @JsonPropertyDescription(
      "LoRA adapters served on this model (vLLM --enable-lora, SGLang --lora-paths)."
          + " Not available with Ollama sources.")
  private List<ServedAdapter> adapters = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ModelSource getSource() {
    return source;
  }

  public void setSource(ModelSource source) {
    this.source = source;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getQuantization() {
    return quantization;
  }

  public void setQuantization(String quantization) {
    this.quantization = quantization;
  }

  public Integer getContextLength() {
    return contextLength;
  }

  public void setContextLength(Integer contextLength) {
    this.contextLength = contextLength;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  public KvCacheDtype getKvCacheDtype() {
    return kvCacheDtype;
  }

  public void setKvCacheDtype(KvCacheDtype kvCacheDtype) {
    this.kvCacheDtype = kvCacheDtype;
  }

  public Engine getEngine() {
    return engine;
  }

  public void setEngine(Engine engine) {
    this.engine = engine;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Boolean getPinned() {
    return pinned;
  }

  public void setPinned(Boolean pinned) {
    this.pinned = pinned;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public Boolean getAllowUnknown() {
    return allowUnknown;
  }

  public void setAllowUnknown(Boolean allowUnknown) {
    this.allowUnknown = allowUnknown;
  }

  public ModelFactsOverride getOverrides() {
    return overrides;
  }

  public void setOverrides(ModelFactsOverride overrides) {
    this.overrides = overrides;
  }

  public List<ServedAdapter> getAdapters() {
    return adapters;
  }

  public void setAdapters(List<ServedAdapter> adapters) {
    this.adapters = adapters == null ? new ArrayList<>() : adapters;
  }
}
