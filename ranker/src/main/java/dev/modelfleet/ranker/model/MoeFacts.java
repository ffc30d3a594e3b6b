package dev.modelfleet.ranker.model;

import java.util.List;

/**
 * The mixture-of-experts part of a model.
 *
 * @param numExperts routed experts per MoE layer ({@code num_local_experts}, {@code num_experts},
 *     {@code n_routed_experts})
 * @param numExpertsPerToken routed experts each token uses ({@code num_experts_per_tok})
 * @param expertIntermediateSize hidden width of one routed expert ({@code moe_intermediate_size},
 *     or {@code intermediate_size} where experts are full-width as in Mixtral and gpt-oss)
 * @param numSharedExperts experts every token uses in addition to the routed ones
 * @param sharedExpertIntermediateSize hidden width of one shared expert
 * @param firstKDenseLayers how many leading layers use a dense MLP ({@code first_k_dense_replace})
 * @param denseLayers indices of every layer with a dense MLP instead of experts (the first k, plus
 *     any the config's sparse step, period or {@code mlp_only_layers} leaves dense)
 * @param expertBias whether expert projections carry biases (gpt-oss)
 * @param routerBias whether the router has a bias or a score-correction bias (gpt-oss, DeepSeek-V3)
 * @param sharedExpertGate whether the shared expert has a sigmoid gate (Qwen2-MoE, Qwen3-Next)
 */
public record MoeFacts(
    int numExperts,
    int numExpertsPerToken,
    int expertIntermediateSize,
    int numSharedExperts,
    int sharedExpertIntermediateSize,
    int firstKDenseLayers,
    List<Integer> denseLayers,
    boolean expertBias,
    boolean routerBias,
    boolean sharedExpertGate) {

  /** Copies the list so the facts stay immutable. */
  public MoeFacts {
    denseLayers = denseLayers == null ? List.of() : List.copyOf(denseLayers);
  }

  /** Whether layer {@code index} routes through experts. */
  public boolean routesLayer(int index) {
    return !denseLayers.contains(index);
  }
}
