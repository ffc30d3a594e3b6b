package dev.modelfleet.serving.workload;

import dev.modelfleet.serving.ServingRequest;

/**
 * What vLLM and SGLang both require of a request: a Hugging Face repository to load, and an image
 * for the request's hardware (their pinned images need GPUs).
 */
public final class HuggingFaceEngine {
  private HuggingFaceEngine() {}

  /**
   * The image to run, after checking the request names a repository.
   *
   * @param engine the engine as people write it, e.g. "vLLM"
   * @param cpuBuild how to name the engine's CPU build in the fix, e.g. "a vLLM CPU build"
   * @throws IllegalArgumentException naming the field and the fix
   */
  public static String image(
      ServingRequest request, EngineImage images, String engine, String cpuBuild) {
    if (request.huggingFaceRepo() == null) {
      throw new IllegalArgumentException(
          "huggingFaceRepo: "
              + engine
              + " serves Hugging Face repos; set huggingFaceRepo, or serve the ollamaTag '"
              + request.ollamaTag()
              + "' with engine ollama");
    }
    String image = images.imageFor(request);
    if (image == null) {
      throw new IllegalArgumentException(
          "gpuResourceName: "
              + engine
              + "'s pinned images need GPUs; place the model on GPU nodes, serve it with engine"
              + " ollama on CPU-only nodes, or set image to "
              + cpuBuild);
    }
    return image;
  }
}
