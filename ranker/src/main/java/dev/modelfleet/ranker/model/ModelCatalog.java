package dev.modelfleet.ranker.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Popular open-weight models with their architecture facts, license, gated flag and context length.
 * Looked up by Hugging Face repository id, ignoring case; quantized mirrors ({@code -GGUF}, {@code
 * -AWQ}, {@code -GPTQ-Int4}, {@code -FP8}, {@code -bnb-4bit}, {@code -MLX-4bit}, ...) find the
 * model they were made from.
 */
public final class ModelCatalog {
  /** Classpath location of the catalog shipped with ModelFleet. */
  public static final String BUNDLED_RESOURCE = "/modelfleet/models.json";

  private static final System.Logger LOG = System.getLogger(ModelCatalog.class.getName());

  private final List<CatalogModel> models;
  private final List<String> warnings;
  private final LocalDate compiled;
  private final Map<String, CatalogModel> byId = new HashMap<>();
  private final Map<String, String> spelling = new HashMap<>();
  private final Map<String, Set<CatalogModel>> byName = new HashMap<>();

  private ModelCatalog(List<CatalogModel> entries, LocalDate compiled, List<String> readWarnings) {
    this.compiled = compiled;
    List<String> found = new ArrayList<>(readWarnings);
    List<CatalogModel> kept = new ArrayList<>();
    for (CatalogModel model : entries) {
      String key = RepoIds.key(model.id());
      if (byId.containsKey(key)) {
        // First entry wins so lookups stay deterministic; the clash is a catalog bug to fix.
        found.add("'" + model.id() + "' is listed twice; kept the first");
        continue;
      }
      kept.add(model);
      index(model.id(), model, found);
      model.aliases().forEach(alias -> index(alias, model, found));
    }
    this.models = List.copyOf(kept);
    this.warnings = List.copyOf(found);
    this.warnings.forEach(w -> LOG.log(Level.WARNING, w));
  }

  /** The catalog shipped in the ranker jar, loaded once; empty with warnings if unreadable. */
  public static ModelCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /** A catalog read from JSON; malformed input gives an empty catalog with warnings. */
  public static ModelCatalog fromJson(InputStream json) {
    if (json == null) {
      return new ModelCatalog(List.of(), null, List.of("model catalog input is missing"));
    }
    ModelCatalogReader.Result result = ModelCatalogReader.read(json);
    return new ModelCatalog(result.models(), result.compiled(), result.warnings());
  }

  /**
   * The entry for a repository id: the id or an alias ignoring case, then the same with mirror
   * suffixes removed, then, for another organisation's mirror, the model name alone when exactly
   * one entry has it.
   */
  public Optional<CatalogMatch> lookup(String repoId) {
    String requested = repoId == null ? "" : repoId;
    String key = RepoIds.key(requested);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    CatalogModel direct = byId.get(key);
    if (direct != null) {
      return Optional.of(match(direct, requested, key, List.of(), null));
    }
    RepoIds.Stripped stripped = RepoIds.withoutMirrorSuffixes(requested);
    String strippedKey = stripped.base().toLowerCase(Locale.ROOT);
    CatalogModel base = byId.get(strippedKey);
    if (base != null) {
      return Optional.of(
          match(
              base,
              requested,
              strippedKey,
              stripped.suffixes(),
              CatalogMatch.Kind.MIRROR_SUFFIX_STRIPPED));
    }
    String name = RepoIds.name(stripped.base()).toLowerCase(Locale.ROOT);
    Set<CatalogModel> named = byName.getOrDefault(name, Set.of());
    if (named.size() == 1) {
      CatalogModel model = named.iterator().next();
      String matched = model.id();
      for (String candidate : model.aliases()) {
        if (RepoIds.name(candidate).equalsIgnoreCase(name)) {
          matched = candidate;
        }
      }
      if (RepoIds.name(model.id()).equalsIgnoreCase(name)) {
        matched = model.id(); // the id wins when both it and an alias carry the name
      }
      return Optional.of(
          new CatalogMatch(
              model, requested, matched, CatalogMatch.Kind.NAME_ONLY, stripped.suffixes()));
    }
    return Optional.empty();
  }

  /** Every entry, in file order. */
  public List<CatalogModel> all() {
    return models;
  }

  /**
   * When the entries' facts were copied from the Hub: the date observed facts (context length,
   * license, gated flag) date from. Empty when the file does not say.
   */
  public Optional<LocalDate> compiledOn() {
    return Optional.ofNullable(compiled);
  }

  /** Why entries, or the whole file, could not be used; empty when all is well. */
  public List<String> warnings() {
    return warnings;
  }

  private CatalogMatch match(
      CatalogModel model,
      String requested,
      String key,
      List<String> suffixes,
      CatalogMatch.Kind strippedKind) {
    String matched = spelling.getOrDefault(key, model.id());
    CatalogMatch.Kind kind =
        strippedKind != null
            ? strippedKind
            : matched.equals(model.id()) ? CatalogMatch.Kind.EXACT : CatalogMatch.Kind.ALIAS;
    return new CatalogMatch(model, requested, matched, kind, suffixes);
  }

  private void index(String id, CatalogModel model, List<String> warnings) {
    String key = RepoIds.key(id);
    CatalogModel holder = byId.putIfAbsent(key, model);
    if (holder != null && holder != model) {
      warnings.add(
          "'" + id + "' names both '" + holder.id() + "' and '" + model.id() + "'; kept the first");
      return;
    }
    spelling.putIfAbsent(key, id);
    byName
        .computeIfAbsent(RepoIds.name(id).toLowerCase(Locale.ROOT), n -> new LinkedHashSet<>())
        .add(model);
  }

  private static ModelCatalog loadBundled() {
    try (InputStream json = ModelCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (json == null) {
        return new ModelCatalog(
            List.of(),
            null,
            List.of("model catalog " + BUNDLED_RESOURCE + " is not on the classpath"));
      }
      return fromJson(json);
    } catch (IOException e) {
      return new ModelCatalog(
          List.of(),
          null,
          List.of("model catalog " + BUNDLED_RESOURCE + " unreadable: " + e.getMessage()));
    }
  }

  // Holder idiom: loaded on first use, once, without locking on every call.
  private static final class Bundled {
    static final ModelCatalog INSTANCE = loadBundled();
  }
}
