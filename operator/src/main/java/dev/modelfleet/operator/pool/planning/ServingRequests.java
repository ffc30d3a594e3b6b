package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.EngineImages;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.ServedAdapter;
import dev.modelfleet.operator.pool.planning.PoolPlanner.Evaluated;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.placement.PlannedReplica;
import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingRequest;
import java.util.List;

/** What a placed model's engine is rendered from: the spec, the plan and the profile. */
final class ServingRequests {
  /** Smallest memory share handed to an engine on a shared GPU: below it engines fail to start. */
  static final double MIN_SHARED_UTILIZATION = 0.05;

  private ServingRequests() {}

  static ServingRequest of(
      ModelPool pool,
      PoolModel model,
      Evaluated evaluated,
      List<PlannedReplica> replicas,
      ProfileHardware profile,
      double vramFraction) {
    Engine engine = evaluated.model().engine();
    String quant = evaluated.options().quantization();
    String repo = model.getSource().getHuggingFace();
    String ollamaTag = model.getSource().getOllama();
    if (engine == Engine.OLLAMA && ollamaTag == null) {
      // Ollama pulls GGUF files straight from a Hugging Face repository by this tag form.
      ollamaTag = "hf.co/" + repo + (quant == null ? "" : ":" + quant);
      repo = null;
    }
    PlannedReplica first = replicas.get(0);
    var hfToken = pool.getSpec().getHuggingFaceTokenSecretRef();
    return new ServingRequest(
        pool.getMetadata().getNamespace(),
        pool.getMetadata().getName(),
        model.getName(),
        repo,
        engine == Engine.OLLAMA ? null : model.getRevision(),
        engine == Engine.OLLAMA ? ollamaTag : null,
        quant,
        evaluated.options().contextLength(),
        model.getKvCacheDtype() == null
            ? null
            : model.getKvCacheDtype().name().toLowerCase(java.util.Locale.ROOT),
        replicas.size(),
        first.gpuIndices().size(),
        profile.resourceName(),
        replicas.stream()
            .map(r -> FleetNodes.kubernetesNode(r.node()))
            .distinct()
            .sorted()
            .toList(),
        List.of(),
        utilization(first, profile, vramFraction),
        Math.ceil(evaluated.options().diskGiB()),
        null,
        image(pool.getSpec().getEngineImages(), engine),
        hfToken == null ? null : hfToken.getName(),
        hfToken == null ? null : hfToken.getKey(),
        model.getAdapters().stream().map(ServingRequests::adapter).toList());
  }

  /**
   * On a whole GPU the engine may take the pool's share of it; on a shared GPU only what the plan
   * gave it, rounded up to a hundredth.
   */
  static double utilization(PlannedReplica replica, ProfileHardware profile, double vramFraction) {
    if (!profile.shareable()) {
      return vramFraction;
    }
    double share = Math.ceil(100 * replica.vramPerGpuGiB() / profile.gpuMemoryGiB()) / 100;
    return Math.min(vramFraction, Math.max(MIN_SHARED_UTILIZATION, share));
  }

  private static String image(EngineImages images, Engine engine) {
    if (images == null) {
      return null;
    }
    switch (engine) {
      case VLLM:
        return images.getVllm();
      case SGLANG:
        return images.getSglang();
      case OLLAMA:
        return images.getOllama();
      default:
        return null;
    }
  }

  private static LoraAdapter adapter(ServedAdapter adapter) {
    if (adapter.getSource().getHuggingFace() != null) {
      return LoraAdapter.fromHuggingFace(
          adapter.getName(), adapter.getSource().getHuggingFace(), adapter.getRank());
    }
    return LoraAdapter.fromVolume(
        adapter.getName(),
        adapter.getSource().getVolume().getClaimName(),
        adapter.getSource().getVolume().getPath(),
        adapter.getRank());
  }
}
