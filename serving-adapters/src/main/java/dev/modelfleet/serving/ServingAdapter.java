package dev.modelfleet.serving;

/** Renders the Kubernetes objects that serve one placed model with one engine. */
public interface ServingAdapter {

  /** The engine this adapter renders for: "vllm", "sglang" or "ollama". */
  String engine();

  /**
   * The Deployment, Service and cache claim for {@code request}; pure and deterministic.
   *
   * @throws IllegalArgumentException when the engine cannot serve the request as asked, naming the
   *     field and what to change
   */
  ServingManifests render(ServingRequest request);
}
