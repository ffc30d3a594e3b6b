package dev.modelfleet.ranker.model;

/** Where a parameter count came from, best first. */
public enum ParameterSource {
  /** The Hugging Face Hub's safetensors metadata for the repository. */
  SAFETENSORS_METADATA,
  /** Given by the caller, e.g. {@code --params-b}. */
  SUPPLIED,
  /** The figure the model card or paper publishes. */
  PUBLISHED,
  /** Computed from the architecture in config.json by {@link ParameterCounter}. */
  COMPUTED
}
