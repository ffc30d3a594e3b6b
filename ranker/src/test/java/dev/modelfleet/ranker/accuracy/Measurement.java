package dev.modelfleet.ranker.accuracy;

/**
 * What every published row has in common: the setup it was measured on and where it was published.
 */
interface Measurement {

  /** Unique, stable name of the row, e.g. "llama-cpp-llama-2-7b-hf-q4-0-...". */
  String id();

  /** Hugging Face repository id of the model. */
  String model();

  /** Quantization as the source names it. */
  String quant();

  /** Engine as the source names it: vllm, sglang, llama.cpp or ollama. */
  String engine();

  /** GPU product name; null only for weight rows that name none. */
  String gpu();

  /** GPUs the model was spread over. */
  int gpuCount();

  /** Public URL the figure was read from. */
  String source();

  /** Publication date as precisely as the source shows, or null. */
  String date();

  /** Where in the source the figure is, and what was assumed to use it. */
  String note();
}
