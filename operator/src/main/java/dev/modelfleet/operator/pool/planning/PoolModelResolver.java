package dev.modelfleet.operator.pool.planning;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.pool.ModelFactsOverride;
import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.FactSource;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.Rejection;
import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.quant.QuantizationTable;
import dev.modelfleet.registry.ModelQuery;
import dev.modelfleet.registry.ModelRegistry;
import dev.modelfleet.registry.Provenance;
import dev.modelfleet.registry.RegistryFormatException;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.registry.ResolvedModel;
import dev.modelfleet.registry.UnknownModelDecision;
import dev.modelfleet.registry.UnknownModelPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds what the pool's models are: their architecture and its provenance from the model registry
 * (catalog, Hub snapshot, Hub, user registry, the pool's overrides), the engine that serves them,
 * and whether the pool's allow-lists and unknown-model policy let them be placed.
 */
public final class PoolModelResolver {
  static final String UNKNOWN_MODEL = "UnknownModel";
  static final String MISSING_ARCHITECTURE = "MissingArchitecture";
  static final String INVALID_OVERRIDES = "InvalidOverrides";

  /**
   * Longest fact value kept in status: a config.json or a file list runs to kilobytes, and a pool's
   * status holds one list per model, under the API server's object size limit.
   */
  static final int MAX_FACT_VALUE_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Supplier<ModelRegistry> registry;
  private final OllamaLibrary ollama;
  private final QuantizationTable quantizations;

  /**
   * A resolver over a registry that may change between calls (the operator rebuilds it when the
   * user registry ConfigMap changes).
   */
  public PoolModelResolver(
      Supplier<ModelRegistry> registry, OllamaLibrary ollama, QuantizationTable quants) {
    this.registry = registry;
    this.ollama = ollama;
    this.quantizations = quants;
  }

  /** A resolver over one fixed registry. */
  public PoolModelResolver(ModelRegistry registry, OllamaLibrary ollama, QuantizationTable quants) {
    this(() -> registry, ollama, quants);
  }

  /**
   * A resolver over the bundled catalog and Hub snapshot with the Hub off (a pure planner never
   * reaches the network), the bundled Ollama library mapping and quantization table.
   */
  public static PoolModelResolver bundled() {
    return new PoolModelResolver(offlineRegistry(), OllamaLibrary.bundled(), bundledQuants());
  }

  /** A resolver over {@code registry} with the bundled Ollama mapping and quantization table. */
  public static PoolModelResolver over(Supplier<ModelRegistry> registry) {
    return new PoolModelResolver(registry, OllamaLibrary.bundled(), bundledQuants());
  }

  private static QuantizationTable bundledQuants() {
    return QuantizationTable.bundled();
  }

  private static ModelRegistry offlineRegistry() {
    return ModelRegistry.builder().settings(RegistrySettings.defaults().withOffline(true)).build();
  }

  /** Resolves one model of {@code pool}. */
  public ResolvedPoolModel resolve(PoolModel model, ModelPoolSpec pool) {
    String repo = repository(model);
    Optional<Rejection> notAllowed = AllowLists.check(repo, model, pool);
    if (notAllowed.isPresent()) {
      return ResolvedPoolModel.rejected(model, notAllowed.get());
    }
    ResolvedModel resolved;
    try {
      resolved =
          registry
              .get()
              .resolve(
                  new ModelQuery(
                      repo != null ? repo : idOf(model),
                      model.getRevision(),
                      overridesMap(model.getOverrides())));
    } catch (RegistryFormatException e) {
      return ResolvedPoolModel.rejected(
          model,
          new Rejection(
              INVALID_OVERRIDES,
              "spec.models[" + model.getName() + "]." + e.field() + ": " + e.getMessage()));
    }
    UnknownModelDecision decision =
        UnknownModelDecision.decide(
            policy(pool), Boolean.TRUE.equals(model.getAllowUnknown()), resolved);
    if (decision.outcome() == UnknownModelDecision.Outcome.REJECT) {
      return ResolvedPoolModel.rejected(
          model,
          new Rejection(
              UNKNOWN_MODEL, decision.message() + " (spec.models[" + model.getName() + "])"));
    }
    List<FactSource> sources = sources(resolved);
    Optional<ModelFacts> facts = facts(model, resolved, sources);
    if (facts.isEmpty()) {
      return ResolvedPoolModel.rejected(model, undescribed(model, resolved));
    }
    Optional<Rejection> family = AllowLists.checkFamily(facts.get(), model, pool);
    if (family.isPresent()) {
      return ResolvedPoolModel.rejected(model, family.get());
    }
    String warning =
        decision.outcome() == UnknownModelDecision.Outcome.WARN ? decision.message() : null;
    return new ResolvedPoolModel(model, facts.get(), engine(model), sources, null, warning);
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

  /**
   * The ranker's facts: the registry's architecture with the pool's overrides applied as before
   * (family, parameter count), or, for a model nothing else describes, the overrides alone.
   */
  private static Optional<ModelFacts> facts(
      PoolModel model, ResolvedModel resolved, List<FactSource> sources) {
    List<FactSource> scratch = new ArrayList<>();
    Optional<ModelFacts> architecture = resolved.architecture();
    if (architecture.isPresent()) {
      ModelFacts base = withRegistryFamily(architecture.get(), resolved);
      return Optional.of(FactsOverrides.apply(base, model.getOverrides(), scratch));
    }
    Optional<ModelFacts> described =
        FactsOverrides.fromOverridesOnly(idOf(model), model.getOverrides(), scratch);
    described.ifPresent(f -> addDerived(f, sources, FactsOverrides.OVERRIDE, null));
    return described;
  }

  /** The user registry's {@code family} (a correction) wins over the one config.json implies. */
  private static ModelFacts withRegistryFamily(ModelFacts facts, ResolvedModel resolved) {
    Optional<String> family = resolved.family();
    if (family.isEmpty() || family.get().equalsIgnoreCase(facts.family())) {
      return facts;
    }
    ModelFactsOverride only = new ModelFactsOverride();
    only.setFamily(family.get());
    return FactsOverrides.apply(facts, only, new ArrayList<>());
  }

  /**
   * Every merged fact's provenance, plus the architecture sizes placement used (layers, kvHeads,
   * parametersB) credited to the source of the config.json they were read from.
   */
  private static List<FactSource> sources(ResolvedModel resolved) {
    List<FactSource> sources = new ArrayList<>();
    for (Provenance p : resolved.provenance()) {
      // An override is the pool's own spec: its "observation" is merely this resolve, which would
      // change the status on every pass.
      Instant observed =
          p.source() == dev.modelfleet.registry.FactSource.OVERRIDE ? null : p.observedAt();
      sources.add(new FactSource(p.field(), cut(p.value()), p.source().label(), observed));
    }
    Optional<Provenance> config = resolved.provenanceOf("config");
    resolved
        .architecture()
        .ifPresent(
            facts ->
                addDerived(
                    facts,
                    sources,
                    config.map(p -> p.source().label()).orElse(FactsOverrides.OVERRIDE),
                    config.map(Provenance::observedAt).orElse(null)));
    return sources;
  }

  private static void addDerived(
      ModelFacts facts, List<FactSource> sources, String source, Instant observedAt) {
    addIfMissing(sources, "layers", String.valueOf(facts.numLayers()), source, observedAt);
    addIfMissing(sources, "kvHeads", String.valueOf(facts.numKeyValueHeads()), source, observedAt);
    addIfMissing(sources, "hiddenSize", String.valueOf(facts.hiddenSize()), source, observedAt);
    if (facts.parameters() != null) {
      addIfMissing(
          sources,
          "parametersB",
          String.format(Locale.ROOT, "%.2f", facts.parameters().totalBillions()),
          source,
          observedAt);
    }
  }

  private static void addIfMissing(
      List<FactSource> sources, String name, String value, String source, Instant observedAt) {
    if (sources.stream().noneMatch(s -> s.name().equals(name))) {
      sources.add(new FactSource(name, value, source, observedAt));
    }
  }

  private static String cut(String value) {
    return value == null || value.length() <= MAX_FACT_VALUE_CHARS
        ? value
        : value.substring(0, MAX_FACT_VALUE_CHARS - 3) + "...";
  }

  /** The Hugging Face repository behind the model, directly or through its Ollama tag. */
  String repository(PoolModel model) {
    if (model.getSource().getHuggingFace() != null) {
      return model.getSource().getHuggingFace();
    }
    return ollama.lookup(model.getSource().getOllama()).map(e -> e.repo()).orElse(null);
  }

  static Map<String, Object> overridesMap(ModelFactsOverride overrides) {
    return overrides == null ? Map.of() : JSON.convertValue(overrides, MAP);
  }

  private static UnknownModelPolicy policy(ModelPoolSpec pool) {
    return pool.getUnknownModels() == null
        ? UnknownModelPolicy.WARN
        : UnknownModelPolicy.valueOf(pool.getUnknownModels().name());
  }

  private static String idOf(PoolModel model) {
    return model.getSource().getHuggingFace() != null
        ? model.getSource().getHuggingFace()
        : model.getSource().getOllama();
  }

  private static Rejection undescribed(PoolModel model, ResolvedModel resolved) {
    String where = " on spec.models[" + model.getName() + "]";
    if (!resolved.known()) {
      return new Rejection(
          UNKNOWN_MODEL,
          "no source knows "
              + idOf(model)
              + " and nothing describes it, so it cannot be estimated: set "
              + FactsOverrides.requiredFields()
              + where
              + ", or add it with its config.json to the user registry");
    }
    return new Rejection(
        MISSING_ARCHITECTURE,
        "no source gives the architecture of "
            + idOf(model)
            + " ("
            + String.join("; ", resolved.notes())
            + "): set "
            + FactsOverrides.requiredFields()
            + where
            + ", or add its config.json to the user registry");
  }
}
