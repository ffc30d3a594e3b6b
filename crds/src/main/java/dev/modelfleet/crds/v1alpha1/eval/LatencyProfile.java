package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The load the latency suite applies, step by step, as genai-bench and GuideLLM do. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatencyProfile {

  @Size(min = 1, max = 16)
  @JsonPropertyDescription(
      "Concurrent requests per step, each 1 to 4096 (default 1, 4, 16). Each step"
          + " reports time to first token, inter-token latency, tokens/s, requests/s and"
          + " errors.")
  private List<@Min(1) @Max(4096) Integer> concurrency = new ArrayList<>(List.of(1, 4, 16));

  @Min(1)
  @Max(131072)
  @Default("512")
  @JsonPropertyDescription("Prompt length of each request, in tokens (default 512).")
  private Integer promptTokens = 512;

  @Min(1)
  @Max(32768)
  @Default("128")
  @JsonPropertyDescription("Tokens to generate per request (default 128).")
  private Integer outputTokens = 128;

  @Min(1)
  @Max(100000)
  @Default("100")
  @JsonPropertyDescription("Requests sent at each concurrency step (default 100).")
  private Integer requestsPerStep = 100;

  public List<Integer> getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(List<Integer> concurrency) {
    this.concurrency = concurrency == null ? new ArrayList<>() : concurrency;
  }

  public Integer getPromptTokens() {
    return promptTokens;
  }

  public void setPromptTokens(Integer promptTokens) {
    this.promptTokens = promptTokens;
  }

  public Integer getOutputTokens() {
    return outputTokens;
  }

  public void setOutputTokens(Integer outputTokens) {
    this.outputTokens = outputTokens;
  }

  public Integer getRequestsPerStep() {
    return requestsPerStep;
  }

  public void setRequestsPerStep(Integer requestsPerStep) {
    this.requestsPerStep = requestsPerStep;
  }
}
