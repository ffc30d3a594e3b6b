package dev.modelfleet.serving.client;

/** Receives an Ollama pull's progress lines, on the pulling thread, in order. */
@FunctionalInterface
public interface PullListener {

  /** One progress line. */
  void onProgress(PullProgress progress);
}
