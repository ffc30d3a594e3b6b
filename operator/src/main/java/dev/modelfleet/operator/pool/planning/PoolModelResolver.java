package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.UnknownModelPolicy;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.FactSource;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.Rejection;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.model.CatalogMatch;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what the pool's models are: their architecture (catalog, then the pool's overrides), the
 * engine that serves them, and whether the pool's allow-lists and unknown-model policy let them be
 * placed.
 */
public final class PoolModelResolver {
  static final String CATALOG = "catalog";

  private final ModelCatalog catalog;
  private final OllamaLibrary ollama;
  private final QuantizationTable quantizations;

  public PoolModelResolver(ModelCatalog catalog, OllamaLibrary ollama, QuantizationTable quants) {
    this.catalog = catalog;
    this.ollama = ollama;
    this.quantizations = quants;
  }

  /** A resolver over the bundled catalog, Ollama library mapping and quantization table. */
  public static PoolModelResolver bundled() {
    return new PoolModelResolver(
        ModelCatalog.bundled(), OllamaLibrary.bundled(), QuantizationTable.bundled());
  }

  /** Resolves one model of {@code pool}. */
  public ResolvedPoolModel resolve(PoolModel model, ModelPoolSpec pool) {
    String repo = repository(model);
    Optional<Rejection> notAllowed = AllowLists.check(repo, model, pool);
    if (notAllowed.isPresent()) {
      return ResolvedPoolModel.rejected(model, notAllowed.get());
    }
    List<FactSource> sources = new ArrayList<>();
    Optional<ModelFacts> known = known(repo, sources);
    ModelFacts facts;
    if (known.isPresent()) {
      facts = FactsOverrides.apply(known.get(), model.getOverrides(), sources);
    } else {
      if (rejectsUnknown(model, pool)) {
        return ResolvedPoolModel.rejected(model, unknown(model, "unknownModels is reject"));
      }
      Optional<ModelFacts> described =
          FactsOverrides.fromOverridesOnly(idOf(model), model.getOverrides(), sources);
      if (described.isEmpty()) {
        return ResolvedPoolModel.rejected(model, unknown(model, "nothing describes it"));
      }
      facts = described.get();
    }
    Optional<Rejection> family = AllowLists.checkFamily(facts, model, pool);
    if (family.isPresent()) {
      return ResolvedPoolModel.rejected(model, family.get());
    }
    return new ResolvedPoolModel(model, facts, engine(model), sources, null);
  }

  /** The weight format to serve: the pool's, else the one an Ollama tag packages, else null. */
  public String quantization(PoolModel model) {
    if (model.getQuantization() != null) {
      return model.getQuantization();
    }
    if (model.getSource().getOllama() != null) {
      return ollama.lookup(model.getSource().getOllama()).map(e -> e.quantization()).orElse(null);
    }
    return QuantizationTable.fromRepoId(model.getSource().getHuggingFace()).orElse(null);
  }

  /**
   * The engine: as the pool says, or for {@code auto} Ollama for Ollama tags and for formats vLLM
   * cannot load (GGUF K-quants), otherwise vLLM.
   */
  Engine engine(PoolModel model) {
    switch (model.getEngine()) {
      case VLLM:
        return Engine.VLLM;
      case SGLANG:
        return Engine.SGLANG;
      case OLLAMA:
        return Engine.OLLAMA;
      default:
        if (model.getSource().getOllama() != null) {
          return Engine.OLLAMA;
        }
        String quant = quantization(model);
        if (quant != null) {
          QuantizationTable.Resolved resolved = quantizations.resolve(quant);
          if (resolved.known()
              && !resolved.quantization().runsOn("vllm")
              && resolved.quantization().runsOn("ollama")) {
            return Engine.OLLAMA;
          }
        }
        return Engine.VLLM;
    }
  }

  private Optional<ModelFacts> known(String repo, List<FactSource> sources) {
    if (repo == null) {
      return Optional.empty();
    }
    Optional<CatalogMatch> match = catalog.lookup(repo);
    match.ifPresent(m -> describe(m.model().facts(), sources));
    return match.map(m -> m.model().facts());
  }

  private static void describe(ModelFacts facts, List<FactSource> sources) {
    sources.add(
        new FactSource(
            "parametersB",
            String.format(Locale.ROOT, "%.2f", facts.parameters().totalBillions()),
            CATALOG));
    sources.add(new FactSource("layers", String.valueOf(facts.numLayers()), CATALOG));
    sources.add(new FactSource("kvHeads", String.valueOf(facts.numKeyValueHeads()), CATALOG));
    sources.add(
        new FactSource("maxContextLength", String.valueOf(facts.maxPositionEmbeddings()), CATALOG));
    sources.add(new FactSource("family", facts.family(), CATALOG));
  }

  /** The Hugging Face repository behind the model, directly or through its Ollama tag. */
  String repository(PoolModel model) {
    if (model.getSource().getHuggingFace() != null) {
      return model.getSource().getHuggingFace();
    }
    return ollama.lookup(model.getSource().getOllama()).map(e -> e.repo()).orElse(null);
  }

  private static String idOf(PoolModel model) {
    return model.getSource().getHuggingFace() != null
        ? model.getSource().getHuggingFace()
        : model.getSource().getOllama();
  }

  private static boolean rejectsUnknown(PoolModel model, ModelPoolSpec pool) {
    return pool.getUnknownModels() == UnknownModelPolicy.REJECT
        && !Boolean.TRUE.equals(model.getAllowUnknown());
  }

  private static Rejection unknown(PoolModel model, String why) {
    return new Rejection(
        "UnknownModel",
        "no source knows "
            + idOf(model)
            + " and "
            + why
            + ": describe it with "
            + FactsOverrides.requiredFields()
            + " on spec.models["
            + model.getName()
            + "], or use a catalog model (modelfleet models list)");
  }
}
