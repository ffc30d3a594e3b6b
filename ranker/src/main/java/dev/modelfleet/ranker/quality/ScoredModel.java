package dev.modelfleet.ranker.quality;

/**
 * The model a quality score is for.
 *
 * @param modelId its id, e.g. "Qwen/Qwen2.5-7B-Instruct-AWQ" or "meta-llama/Llama-3.1-8B-Instruct"
 * @param quant the quantization served; null or blank means the one the id names, else the release
 *     checkpoint (BF16)
 * @param baseModelId the model it was fine-tuned from, when its name does not say so (a fine-tune
 *     called "acme/support-bot-8b" of "meta-llama/Llama-3.1-8B-Instruct"); null when none
 */
public record ScoredModel(String modelId, String quant, String baseModelId) {

  /** A model with no declared base. */
  public static ScoredModel of(String modelId, String quant) {
    return new ScoredModel(modelId, quant, null);
  }

  /** The same model with a declared base model. */
  public ScoredModel withBase(String baseModelId) {
    return new ScoredModel(modelId, quant, baseModelId);
  }
}
