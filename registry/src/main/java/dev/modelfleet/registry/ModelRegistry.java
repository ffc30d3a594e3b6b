package dev.modelfleet.registry;

import dev.modelfleet.ranker.model.RepoIds;
import dev.modelfleet.registry.cache.HubCache;
import dev.modelfleet.registry.cache.RegistryCacheStore;
import dev.modelfleet.registry.hub.HubClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What ModelFleet knows about each model. Sources, lowest precedence first: the bundled catalog,
 * the bundled Hub snapshot, the Hugging Face Hub (unless offline), the user registry, the query's
 * overrides. A later source's non-empty value wins field by field; every field keeps its source and
 * observation time. A model no source knows still resolves, flagged unknown. Thread-safe.
 */
public final class ModelRegistry {
  private final CatalogSource catalog;
  private final HubSnapshot snapshot;
  private final UserRegistry userRegistry;
  private final HubSource hub;
  private final HubCache cache;
  private final RegistrySettings settings;

  private ModelRegistry(Builder builder) {
    this.catalog = builder.catalog;
    this.snapshot = builder.snapshot;
    this.userRegistry = builder.userRegistry;
    this.settings = builder.settings;
    this.cache = HubCache.load(builder.cacheStore);
    // Offline, no client exists, so nothing can reach the Hub; cached answers still serve.
    HubClient client =
        settings.hubEnabled()
            ? new HubClient(settings.hubEndpoint(), settings.hubToken(), settings.hubTimeout())
            : null;
    this.hub = new HubSource(client, cache, settings);
  }

  /** A builder with the bundled catalog and snapshot, no user registry, default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves one model: every source that knows it, merged, plus the query's overrides. Never
   * throws for an unknown model or an unreachable Hub; those become {@code known=false} and notes.
   *
   * @throws RegistryFormatException when the query's overrides break the format (names the field)
   */
  public ResolvedModel resolve(ModelQuery query) throws RegistryFormatException {
    String name = query.model();
    // Checked first, so bad overrides fail before any Hub request.
    Optional<ModelRecord> overrides =
        query.overrides().isEmpty()
            ? Optional.empty()
            : Optional.of(
                ModelEntries.fromMap(
                    name,
                    query.overrides(),
                    FactSource.OVERRIDE,
                    settings.clock().instant(),
                    "overrides"));
    List<ModelRecord> records = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // Names the model goes by: the query, and for a catalog model its id and aliases, so a
    // snapshot or registry entry written under a renamed id still applies.
    List<String> names = new ArrayList<>(List.of(name));
    Optional<CatalogSource.Found> found = catalog.lookup(name);
    if (found.isPresent()) {
      records.add(found.get().record());
      if (found.get().note() == null) {
        names.addAll(found.get().record().names());
      } else {
        notes.add(found.get().note());
      }
    }
    firstMatch(names, snapshot::lookup).ifPresent(records::add);
    if (ModelKeys.isHubId(name)) {
      hub.lookup(RepoIds.canonical(name), query.revision(), notes).ifPresent(records::add);
    }
    firstMatch(names, userRegistry::lookup).ifPresent(records::add);
    boolean known = !records.isEmpty();
    overrides.ifPresent(records::add);
    if (!known) {
      notes.add(
          "unknown model: no catalog, snapshot, Hub or user registry entry for '" + name + "'");
    }
    return FactMerger.merge(name, records, known, notes);
  }

  /**
   * Every model the catalog, the snapshot and the user registry know, merged, in that order of
   * first appearance. The Hub is not consulted (it has no list of "our" models).
   */
  public List<ResolvedModel> knownModels() {
    Map<String, List<ModelRecord>> byModel = new LinkedHashMap<>();
    Map<String, String> firstName = new LinkedHashMap<>();
    List<ModelRecord> all = new ArrayList<>(catalog.all());
    all.addAll(snapshot.models());
    all.addAll(userRegistry.models());
    for (ModelRecord record : all) {
      String key = keyOfKnown(record, byModel);
      byModel.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
      firstName.putIfAbsent(key, record.id());
    }
    List<ResolvedModel> out = new ArrayList<>();
    byModel.forEach(
        (key, records) -> out.add(FactMerger.merge(firstName.get(key), records, true, List.of())));
    return out;
  }

  private static Optional<ModelRecord> firstMatch(
      List<String> names, Function<String, Optional<ModelRecord>> lookup) {
    return names.stream().map(lookup).flatMap(Optional::stream).findFirst();
  }

  /** Warnings from the bundled catalog, the snapshot and the cache. */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>(catalog.catalog().warnings());
    warnings.addAll(snapshot.warnings());
    warnings.addAll(cache.warnings());
    return warnings;
  }

  /** The settings the registry runs with. */
  public RegistrySettings settings() {
    return settings;
  }

  // The key of the model a record belongs to: an existing model one of its names answers to.
  private static String keyOfKnown(ModelRecord record, Map<String, List<ModelRecord>> byModel) {
    for (Map.Entry<String, List<ModelRecord>> entry : byModel.entrySet()) {
      for (String name : record.names()) {
        String key = ModelKeys.key(name);
        if (entry.getValue().stream().anyMatch(r -> r.answersTo(key))) {
          return entry.getKey();
        }
      }
    }
    return ModelKeys.key(record.id());
  }

  /** Builds a {@link ModelRegistry}. */
  public static final class Builder {
    private CatalogSource catalog = CatalogSource.bundled();
    private HubSnapshot snapshot = HubSnapshot.bundled();
    private UserRegistry userRegistry = UserRegistry.empty();
    private RegistrySettings settings = RegistrySettings.defaults();
    private RegistryCacheStore cacheStore = RegistryCacheStore.none();

    private Builder() {}

    /** The catalog source (default: the ranker's bundled catalog). */
    public Builder catalog(CatalogSource value) {
      this.catalog = value;
      return this;
    }

    /** The Hub snapshot (default: the bundled one). */
    public Builder snapshot(HubSnapshot value) {
      this.snapshot = value;
      return this;
    }

    /** The user registry (default: empty). */
    public Builder userRegistry(UserRegistry value) {
      this.userRegistry = value;
      return this;
    }

    /**
     * Hub endpoint, token, offline switch, refresh cadence (default: {@link
     * RegistrySettings#defaults()}).
     */
    public Builder settings(RegistrySettings value) {
      this.settings = value;
      return this;
    }

    /** Where Hub answers persist (default: nowhere, memory only). */
    public Builder cacheStore(RegistryCacheStore value) {
      this.cacheStore = value;
      return this;
    }

    /** The registry; loads the persisted cache (discarding it with a warning if unusable). */
    public ModelRegistry build() {
      return new ModelRegistry(this);
    }
  }
}
