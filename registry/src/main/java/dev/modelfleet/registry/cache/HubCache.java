package dev.modelfleet.registry.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.registry.hub.HubException;
import dev.modelfleet.registry.hub.HubModelInfo;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hub answers by repository and revision, in memory and persisted as one schema-versioned JSON
 * document. A document that is malformed, or written by another schema version, is discarded with a
 * warning: the cache starts empty and the next write replaces it. Thread-safe.
 */
public final class HubCache {
  /** Version of the persisted document; bump it when its shape changes. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Most repositories kept; the oldest are dropped beyond it. Keeps the document well under a
   * ConfigMap's 1 MiB limit (an answer with its config.json and file list is a few KiB).
   */
  public static final int MAX_ENTRIES = 200;

  private static final System.Logger LOG = System.getLogger(HubCache.class.getName());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RegistryCacheStore store;
  private final Map<String, CachedHubAnswer> entries = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private HubCache(RegistryCacheStore store) {
    this.store = store;
  }

  /** A cache loaded from the store; an unusable document is discarded with a warning. */
  public static HubCache load(RegistryCacheStore store) {
    HubCache cache = new HubCache(store);
    Optional<String> document;
    try {
      document = store.read();
    } catch (IOException | RuntimeException e) {
      cache.warn("registry cache unreadable, starting empty: " + e.getMessage());
      return cache;
    }
    document.ifPresent(cache::restore);
    return cache;
  }

  /** The answer cached for a repository and revision, if any. */
  public synchronized Optional<CachedHubAnswer> get(String repo, String revision) {
    return Optional.ofNullable(entries.get(key(repo, revision)));
  }

  /** Caches an answer and persists the cache; a failed write is a warning, not an error. */
  public synchronized void put(CachedHubAnswer answer) {
    entries.put(key(answer.repo(), answer.revision()), answer);
    while (entries.size() > MAX_ENTRIES) {
      entries.values().stream()
          .min(Comparator.comparing(CachedHubAnswer::fetchedAt))
          .ifPresent(oldest -> entries.remove(key(oldest.repo(), oldest.revision())));
    }
    if (store == RegistryCacheStore.none()) {
      return;
    }
    try {
      store.write(document());
    } catch (IOException | RuntimeException e) {
      warn("registry cache not persisted (kept in memory): " + e.getMessage());
    }
  }

  /** Every cached answer. */
  public synchronized List<CachedHubAnswer> all() {
    return List.copyOf(entries.values());
  }

  /** Problems met loading or writing the cache. */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The persisted form of the cache. */
  synchronized String document() throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ArrayNode list = root.putArray("entries");
    for (CachedHubAnswer answer : entries.values()) {
      ObjectNode entry = list.addObject();
      entry.put("repo", answer.repo());
      entry.put("revision", answer.revision());
      entry.put("fetchedAt", answer.fetchedAt().toString());
      entry.set("info", answer.info().toJson());
      entry.put("infoEtag", answer.infoEtag());
      entry.put("config", answer.config());
      entry.put("configEtag", answer.configEtag());
      entry.put("configProblem", answer.configProblem());
    }
    return MAPPER.writeValueAsString(root);
  }

  private void restore(String document) {
    JsonNode root;
    try {
      root = MAPPER.readTree(document);
    } catch (IOException e) {
      warn("registry cache is not valid JSON; discarded");
      return;
    }
    if (root == null || !root.isObject()) {
      warn("registry cache is not a JSON object; discarded");
      return;
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      warn(
          "registry cache has schemaVersion "
              + root.path("schemaVersion")
              + ", this build writes "
              + SCHEMA_VERSION
              + "; discarded");
      return;
    }
    Map<String, CachedHubAnswer> read = new LinkedHashMap<>();
    for (JsonNode entry : root.path("entries")) {
      try {
        CachedHubAnswer answer = answer(entry);
        read.put(key(answer.repo(), answer.revision()), answer);
      } catch (HubException | DateTimeParseException | IllegalArgumentException e) {
        warn("registry cache is malformed (" + e.getMessage() + "); discarded");
        return;
      }
    }
    entries.putAll(read);
  }

  private static CachedHubAnswer answer(JsonNode entry) throws HubException {
    if (!entry.path("repo").isTextual() || !entry.path("revision").isTextual()) {
      throw new IllegalArgumentException("an entry has no repo or revision");
    }
    return new CachedHubAnswer(
        entry.get("repo").asText(),
        entry.get("revision").asText(),
        Instant.parse(entry.path("fetchedAt").asText()),
        HubModelInfo.parse(entry.path("info").toString(), "cached answer"),
        text(entry, "infoEtag"),
        text(entry, "config"),
        text(entry, "configEtag"),
        text(entry, "configProblem"));
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private void warn(String warning) {
    warnings.add(warning);
    LOG.log(Level.WARNING, warning);
  }

  private static String key(String repo, String revision) {
    return repo.toLowerCase(Locale.ROOT) + "@" + revision;
  }
}
