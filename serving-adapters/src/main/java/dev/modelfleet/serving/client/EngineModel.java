package dev.modelfleet.serving.client;

/**
 * A model an OpenAI-compatible engine lists at {@code GET /v1/models}.
 *
 * @param id the name requests use: the served model name, or a LoRA adapter's name
 * @param root what the engine loaded it from (repo id or path); null when not reported
 * @param parent the base model of a LoRA adapter; null for a base model
 * @param maxModelLen the context length the engine serves it with; null when not reported
 */
public record EngineModel(String id, String root, String parent, Integer maxModelLen) {

  /** Whether this entry is a LoRA adapter on top of another model. */
  public boolean adapter() {
    return parent != null;
  }
}
