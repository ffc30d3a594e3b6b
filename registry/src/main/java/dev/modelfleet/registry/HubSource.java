package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelfleet.registry.cache.CachedHubAnswer;
import dev.modelfleet.registry.cache.HubCache;
import dev.modelfleet.registry.hub.HubClient;
import dev.modelfleet.registry.hub.HubErrorCode;
import dev.modelfleet.registry.hub.HubException;
import dev.modelfleet.registry.hub.HubFile;
import dev.modelfleet.registry.hub.HubModelInfo;
import dev.modelfleet.registry.hub.HubResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hub as a registry source: cached answers while fresh, a conditional GET (If-None-Match) once
 * they are older than the refresh interval, the stale answer with a note when the Hub cannot be
 * reached.
 */
final class HubSource {
  /**
   * After a failed read, the Hub is not asked again about that repository for this long, so a
   * reconcile loop over an unreachable or private model does not send a request per pass.
   */
  static final Duration FAILURE_BACKOFF = Duration.ofMinutes(15);

  // Safetensors dtypes that hold packed quantized weights (AWQ/GPTQ int32, bitsandbytes uint8):
  // their parameter count is of packed values, not of the model's parameters.
  private static final Set<String> PACKED_DTYPES = Set.of("I32", "U32", "I16", "U8", "I8");
  private static final double BILLION = 1e9;
  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final double HUNDREDTHS = 100;
  private static final String SAFETENSORS = ".safetensors";

  private final HubClient client;
  private final HubCache cache;
  private final RegistrySettings settings;
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  private record Failure(Instant at, String message) {}

  /**
   * A Hub source.
   *
   * @param client the Hub client; null when offline: then only cached answers serve
   */
  HubSource(HubClient client, HubCache cache, RegistrySettings settings) {
    this.client = client;
    this.cache = cache;
    this.settings = settings;
  }

  /** The Hub's record for a repository; notes say what failed or was left out. */
  Optional<ModelRecord> lookup(String repo, String revision, List<String> notes) {
    String rev = revision == null || revision.isBlank() ? HubClient.DEFAULT_REVISION : revision;
    Instant now = settings.clock().instant();
    Optional<CachedHubAnswer> cached = cache.get(repo, rev);
    if (client == null) {
      notes.add("Hub not consulted: offline");
      return cached.map(c -> staleRecord(c, notes));
    }
    if (cached.isPresent() && !olderThan(cached.get().fetchedAt(), freshFor(cached.get()), now)) {
      return Optional.of(record(cached.get(), notes));
    }
    String failureKey = ModelKeys.key(repo) + "@" + rev;
    Failure failure = failures.get(failureKey);
    if (failure != null && !olderThan(failure.at(), FAILURE_BACKOFF, now)) {
      notes.add(
          "Hub not asked again until "
              + failure.at().plus(FAILURE_BACKOFF)
              + ": "
              + failure.message());
      return cached.map(c -> staleRecord(c, notes));
    }
    try {
      CachedHubAnswer answer = fetch(repo, rev, cached.orElse(null), now);
      failures.remove(failureKey);
      cache.put(answer);
      return Optional.of(record(answer, notes));
    } catch (HubException e) {
      failures.put(failureKey, new Failure(now, e.getMessage()));
      notes.add("Hub: " + e.getMessage());
      return cached.map(c -> staleRecord(c, notes));
    }
  }

  /**
   * How long a cached answer is used as is: the refresh interval, or the failure back-off when its
   * config.json could not be read (a token may have been added, or the terms accepted, since).
   */
  private Duration freshFor(CachedHubAnswer answer) {
    Duration interval = settings.refreshInterval();
    return answer.configProblem() != null && FAILURE_BACKOFF.compareTo(interval) < 0
        ? FAILURE_BACKOFF
        : interval;
  }

  private CachedHubAnswer fetch(String repo, String rev, CachedHubAnswer cached, Instant now)
      throws HubException {
    HubResponse<HubModelInfo> info =
        client.modelInfo(repo, rev, cached == null ? null : cached.infoEtag());
    if (info.notModified() && cached == null) {
      throw new HubException(
          HubErrorCode.PARSE, repo + ": 304 Not Modified to a request without ETag");
    }
    HubModelInfo facts = info.notModified() ? cached.info() : info.body();
    String config = null;
    String configEtag = null;
    String configProblem = null;
    try {
      HubResponse<String> answer =
          client.configJson(repo, rev, cached == null ? null : cached.configEtag());
      if (answer.notModified() && (cached == null || cached.config() == null)) {
        throw new HubException(
            HubErrorCode.PARSE, repo + ": config.json 304 Not Modified without a cached copy");
      }
      config = answer.notModified() ? cached.config() : answer.body();
      configEtag = answer.etag();
    } catch (HubException e) {
      // A gated repository shows its metadata to everyone but its files only to accepted users.
      configProblem = e.getMessage();
    }
    return new CachedHubAnswer(
        repo, rev, now, facts, info.etag(), config, configEtag, configProblem);
  }

  private ModelRecord staleRecord(CachedHubAnswer answer, List<String> notes) {
    notes.add("using Hub facts cached at " + answer.fetchedAt());
    return record(answer, notes);
  }

  private ModelRecord record(CachedHubAnswer answer, List<String> notes) {
    HubModelInfo info = answer.info();
    ObjectNode facts = ObjectNodes.empty();
    if (info.license() != null) {
      facts.put(Fact.LICENSE.field(), info.license());
    }
    facts.put(Fact.GATED.field(), info.gated());
    facts.put("gatedMode", info.gatedMode());
    if (info.sha() != null) {
      facts.put(Fact.SHA.field(), info.sha());
    }
    if (!info.tags().isEmpty()) {
      ArrayNode tags = facts.putArray(Fact.TAGS.field());
      info.tags().forEach(tags::add);
    }
    if (!info.files().isEmpty()) {
      ArrayNode files = facts.putArray(Fact.FILES.field());
      for (HubFile file : info.files()) {
        ObjectNode node = files.addObject().put("name", file.name());
        if (file.sizeBytes() != null) {
          node.put("sizeBytes", file.sizeBytes());
        }
      }
    }
    diskGiB(info).ifPresent(gib -> facts.put(Fact.DISK_GIB.field(), gib));
    JsonNode config = null;
    if (answer.config() != null) {
      try {
        config = Json.MAPPER.readTree(answer.config());
        facts.set(Fact.CONFIG.field(), config);
      } catch (IOException e) {
        notes.add("Hub config.json unreadable: " + e.getMessage());
      }
    } else if (answer.configProblem() != null) {
      notes.add("Hub config.json: " + answer.configProblem());
    }
    if (info.safetensorsTotal() != null) {
      facts.put("safetensorsTotal", info.safetensorsTotal());
      boolean packed =
          info.safetensorsParameters().keySet().stream().anyMatch(PACKED_DTYPES::contains);
      boolean quantized = config != null && config.has("quantization_config");
      if (packed || quantized) {
        notes.add(
            "Hub safetensors total counts packed quantized weights; not used as the parameter"
                + " count");
      } else {
        facts.put(Fact.PARAMETERS_B.field(), info.safetensorsTotal() / BILLION);
      }
    }
    facts.put(Fact.SOURCE.field(), endpoint() + "/" + info.id());
    return new ModelRecord(info.id(), FactSource.HUB, answer.fetchedAt(), facts);
  }

  /**
   * The safetensors weights' size in GiB, rounded to hundredths, when every safetensors file's size
   * is known. GGUF repositories hold one file per quantization, so no single size applies.
   */
  private static Optional<Double> diskGiB(HubModelInfo info) {
    List<HubFile> weights =
        info.files().stream().filter(f -> f.name().endsWith(SAFETENSORS)).toList();
    if (weights.isEmpty() || weights.stream().anyMatch(f -> f.sizeBytes() == null)) {
      return Optional.empty();
    }
    long bytes = weights.stream().mapToLong(HubFile::sizeBytes).sum();
    return Optional.of(Math.round(bytes / GIB * HUNDREDTHS) / HUNDREDTHS);
  }

  private String endpoint() {
    String base = settings.hubEndpoint().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static boolean olderThan(Instant at, Duration age, Instant now) {
    return at.plus(age).isBefore(now) || at.plus(age).equals(now);
  }
}
