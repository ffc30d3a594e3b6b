package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelFactsOverride;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.FactSource;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.model.ParameterSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a pool model's {@code overrides} to the facts a source gave, or builds the facts from the
 * overrides alone when no source knows the model. Overrides win field by field.
 */
final class FactsOverrides {
  static final String OVERRIDE = "override";
  private static final double BILLION = 1e9;

  private FactsOverrides() {}

  /** {@code base} with every field {@code o} sets replaced; {@code base} when {@code o} is null. */
  static ModelFacts apply(ModelFacts base, ModelFactsOverride o, List<FactSource> sources) {
    if (o == null) {
      return base;
    }
    int hidden = pick(o.getHiddenSize(), base.hiddenSize(), "hiddenSize", sources);
    int heads = pick(o.getAttentionHeads(), base.numAttentionHeads(), "attentionHeads", sources);
    ModelFacts merged =
        new ModelFacts(
            base.id(),
            o.getFamily() != null ? note(o.getFamily(), "family", sources) : base.family(),
            o.getArchitecture() != null
                ? note(o.getArchitecture(), "architecture", sources)
                : base.architecture(),
            base.modelType(),
            hidden,
            pick(o.getLayers(), base.numLayers(), "layers", sources),
            heads,
            pick(o.getKvHeads(), base.numKeyValueHeads(), "kvHeads", sources),
            pick(o.getHeadDim(), base.headDim(), "headDim", sources),
            base.intermediateSize(),
            pick(o.getVocabSize(), base.vocabSize(), "vocabSize", sources),
            pick(
                o.getMaxContextLength(), base.maxPositionEmbeddings(), "maxContextLength", sources),
            base.tieWordEmbeddings(),
            base.block(),
            base.moe(),
            o.getLayers() != null ? null : base.attention(),
            base.mla(),
            base.linearAttention(),
            base.mamba(),
            null,
            base.notes());
    return merged.withParameters(parameters(merged, o, sources));
  }

  /**
   * Facts from the overrides alone, when they describe the architecture (layers, hidden size,
   * attention and key-value heads, and the parameter count); empty otherwise.
   */
  static Optional<ModelFacts> fromOverridesOnly(
      String id, ModelFactsOverride o, List<FactSource> sources) {
    if (o == null
        || o.getLayers() == null
        || o.getHiddenSize() == null
        || o.getAttentionHeads() == null
        || o.getKvHeads() == null
        || o.getParametersB() == null) {
      return Optional.empty();
    }
    int headDim =
        o.getHeadDim() != null ? o.getHeadDim() : o.getHiddenSize() / o.getAttentionHeads();
    ModelFacts shell =
        new ModelFacts(
            id,
            o.getFamily() == null ? "unknown" : o.getFamily(),
            o.getArchitecture() == null ? "unknown" : o.getArchitecture(),
            "unknown",
            o.getHiddenSize(),
            o.getLayers(),
            o.getAttentionHeads(),
            o.getKvHeads(),
            headDim,
            0,
            o.getVocabSize() == null ? 0 : o.getVocabSize(),
            o.getMaxContextLength() == null ? 0 : o.getMaxContextLength(),
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of("architecture from the pool's overrides only"));
    return Optional.of(apply(shell, o, sources));
  }

  /** The fields {@code fromOverridesOnly} needs, for the message when they are missing. */
  static String requiredFields() {
    return "overrides.parametersB, layers, hiddenSize, attentionHeads and kvHeads";
  }

  private static ParameterCount parameters(
      ModelFacts facts, ModelFactsOverride o, List<FactSource> sources) {
    if (o.getParametersB() == null) {
      return facts.parameters() != null ? facts.parameters() : ParameterCounter.count(facts);
    }
    note(o.getParametersB(), "parametersB", sources);
    Double active = o.getActiveParametersB() == null ? null : o.getActiveParametersB() * BILLION;
    if (active != null) {
      note(o.getActiveParametersB(), "activeParametersB", sources);
    }
    return ParameterCounter.resolve(
        facts, o.getParametersB() * BILLION, active, ParameterSource.SUPPLIED);
  }

  private static int pick(Integer override, int base, String name, List<FactSource> sources) {
    if (override == null) {
      return base;
    }
    note(override, name, sources);
    return override;
  }

  private static <T> T note(T value, String name, List<FactSource> sources) {
    sources.removeIf(s -> s.name().equals(name));
    sources.add(new FactSource(name, String.valueOf(value), OVERRIDE));
    return value;
  }

  static List<FactSource> mutable(List<FactSource> sources) {
    return new ArrayList<>(sources);
  }
}
