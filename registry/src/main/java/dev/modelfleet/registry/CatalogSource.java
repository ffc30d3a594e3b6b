package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.ranker.model.CatalogMatch;
import dev.modelfleet.ranker.model.CatalogModel;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.RepoIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranker's model catalog as a registry source. Each entry becomes a record with its license,
 * gated flag, context length, aliases and config.json; a quantized mirror found through the
 * catalog's suffix rules keeps its own id and inherits the architecture, license and context
 * length, but not the gated flag, files, commit or aliases, which belong to the original
 * repository.
 */
public final class CatalogSource {
  // Facts of the original repository that a mirror (another repo) does not share.
  private static final List<Fact> NOT_INHERITED_BY_MIRRORS =
      List.of(Fact.GATED, Fact.FILES, Fact.SHA, Fact.TAGS, Fact.ALIASES);

  private final ModelCatalog catalog;
  private final Map<String, ObjectNode> configs;
  private final Instant compiled;

  private CatalogSource(ModelCatalog catalog, Map<String, ObjectNode> configs) {
    this.catalog = catalog;
    this.configs = configs;
    this.compiled =
        catalog.compiledOn().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null);
  }

  /** The catalog bundled with the ranker. */
  public static CatalogSource bundled() {
    return Bundled.INSTANCE;
  }

  /** A catalog read from JSON in the bundled catalog's format (tests, custom catalogs). */
  public static CatalogSource fromJson(byte[] json) {
    return new CatalogSource(ModelCatalog.fromJson(new ByteArrayInputStream(json)), configs(json));
  }

  /** The underlying catalog. */
  public ModelCatalog catalog() {
    return catalog;
  }

  /** Every catalog entry as a record. */
  public List<ModelRecord> all() {
    return catalog.all().stream().map(this::record).toList();
  }

  /**
   * The record for a name, by the catalog's lookup rules, with a note when it was found as a mirror
   * or under another name.
   */
  public Optional<Found> lookup(String name) {
    if (!ModelKeys.isHubId(name)) {
      return Optional.empty();
    }
    return catalog.lookup(name).map(this::found);
  }

  /** A catalog answer and what to know about how it matched. */
  public record Found(ModelRecord record, CatalogMatch.Kind kind, String note) {}

  private Found found(CatalogMatch match) {
    ModelRecord record = record(match.model());
    return switch (match.kind()) {
      case EXACT, ALIAS -> new Found(record, match.kind(), null);
      case MIRROR_SUFFIX_STRIPPED, NAME_ONLY ->
          new Found(
              record.without(NOT_INHERITED_BY_MIRRORS).withId(RepoIds.canonical(match.requested())),
              match.kind(),
              "catalog facts of "
                  + match.model().id()
                  + " used for mirror "
                  + match.requested()
                  + " ("
                  + match.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + "); gated flag, files, commit and aliases are the mirror's own");
    };
  }

  private ModelRecord record(CatalogModel model) {
    ObjectNode facts = ObjectNodes.empty();
    facts.put(Fact.LICENSE.field(), model.license());
    facts.put(Fact.GATED.field(), model.gated());
    facts.put(Fact.MAX_CONTEXT_LENGTH.field(), model.contextLength());
    facts.put(Fact.FAMILY.field(), model.family());
    if (model.facts().architecture() != null && !model.facts().architecture().isEmpty()) {
      facts.put(Fact.ARCHITECTURE.field(), model.facts().architecture());
    }
    if (!model.aliases().isEmpty()) {
      model.aliases().forEach(facts.withArray(Fact.ALIASES.field())::add);
    }
    facts.put(Fact.SOURCE.field(), model.source());
    ObjectNode config = configs.get(ModelKeys.key(model.id()));
    if (config != null) {
      facts.set(Fact.CONFIG.field(), config.deepCopy());
    }
    if (model.published() != null) {
      // Kept for display: the catalog's own estimates use the count computed from config.json.
      facts.put("publishedParametersB", model.published().totalBillions());
      facts.put("publishedSource", model.published().source());
    }
    return new ModelRecord(model.id(), FactSource.CATALOG, compiled, facts);
  }

  /** The raw config objects of the catalog JSON, by model key; empty when unreadable. */
  private static Map<String, ObjectNode> configs(byte[] json) {
    Map<String, ObjectNode> out = new HashMap<>();
    try {
      for (JsonNode entry : Json.MAPPER.readTree(json).path("models")) {
        if (entry.path("id").isTextual() && entry.path("config").isObject()) {
          out.put(ModelKeys.key(entry.get("id").asText()), (ObjectNode) entry.get("config"));
        }
      }
    } catch (IOException e) {
      // ModelCatalog.fromJson reports the same problem as a warning; nothing to add here.
    }
    return out;
  }

  private static CatalogSource loadBundled() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream(ModelCatalog.BUNDLED_RESOURCE)) {
      if (in == null) {
        return new CatalogSource(ModelCatalog.bundled(), Map.of());
      }
      return new CatalogSource(ModelCatalog.bundled(), configs(in.readAllBytes()));
    } catch (IOException e) {
      return new CatalogSource(ModelCatalog.bundled(), Map.of());
    }
  }

  // Holder idiom: loaded on first use, once.
  private static final class Bundled {
    static final CatalogSource INSTANCE = loadBundled();
  }
}
