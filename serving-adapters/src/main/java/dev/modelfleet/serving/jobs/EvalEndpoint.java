package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;

/**
 * The OpenAI-compatible endpoint an EvalRun measures, resolved by the operator from the target.
 *
 * @param baseUrl e.g. http://chat-llama-8b.team.svc:8000 (the runner appends /v1/...)
 * @param model the model name to send in requests
 * @param tokenizer Hugging Face repo whose tokenizer lm-eval uses, or null when there is none
 * @param apiKey Secret key holding an API key to send, or null
 */
public record EvalEndpoint(String baseUrl, String model, String tokenizer, SecretKeyRef apiKey) {
  /** Without the trailing slash, so paths append cleanly. */
  public EvalEndpoint {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("an eval endpoint needs a base URL");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
