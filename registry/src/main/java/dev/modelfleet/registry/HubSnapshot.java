package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hub facts frozen at release time, so an air-gapped cluster knows what the Hub said on the
 * snapshot date. Every entry names the public page its facts were read from. A malformed snapshot
 * gives an empty one with warnings, never an exception.
 */
public final class HubSnapshot {
  /** Classpath location of the snapshot shipped with ModelFleet. */
  public static final String BUNDLED_RESOURCE = "/modelfleet/registry/hub-snapshot.json";

  /** The format version this build reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final System.Logger LOG = System.getLogger(HubSnapshot.class.getName());
  private static final String HTTPS = "https://";

  private final List<ModelRecord> models;
  private final LocalDate snapshotDate;
  private final List<String> warnings;

  private HubSnapshot(List<ModelRecord> models, LocalDate snapshotDate, List<String> warnings) {
    this.models = List.copyOf(models);
    this.snapshotDate = snapshotDate;
    this.warnings = List.copyOf(warnings);
    this.warnings.forEach(w -> LOG.log(Level.WARNING, w));
  }

  /** The snapshot shipped in the registry jar, loaded once. */
  public static HubSnapshot bundled() {
    return Bundled.INSTANCE;
  }

  /** A snapshot with no entries. */
  public static HubSnapshot empty() {
    return new HubSnapshot(List.of(), null, List.of());
  }

  /** Reads a snapshot; problems become warnings, a bad entry is skipped. */
  public static HubSnapshot fromJson(InputStream json) {
    JsonNode root;
    try {
      root = json == null ? null : Json.MAPPER.readTree(json);
    } catch (IOException e) {
      return failed("Hub snapshot is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return failed("Hub snapshot is missing or not a JSON object");
    }
    if (root.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
      return failed(
          "Hub snapshot has schemaVersion "
              + root.path("schemaVersion")
              + ", this build reads "
              + SCHEMA_VERSION);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(root.path("snapshotDate").asText(""));
    } catch (DateTimeParseException e) {
      return failed("Hub snapshot needs a snapshotDate like 2026-11-23");
    }
    Instant observedAt = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ModelRecord> models = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonNode entries = root.path("models");
    for (int i = 0; i < entries.size(); i++) {
      String path = "Hub snapshot models[" + i + "]";
      try {
        ModelRecord model =
            ModelEntries.read(path, entries.get(i), FactSource.SNAPSHOT, observedAt);
        if (!model.get(Fact.SOURCE).asText("").startsWith(HTTPS)) {
          throw new RegistryFormatException(
              path + ".source", "every snapshot entry needs the https:// page it was read from");
        }
        models.add(model);
      } catch (RegistryFormatException e) {
        warnings.add(e.getMessage() + " (entry skipped)");
      }
    }
    return new HubSnapshot(models, date, warnings);
  }

  /** Every entry, in file order. */
  public List<ModelRecord> models() {
    return models;
  }

  /** The entry for a name (id or alias, ignoring case), if any. */
  public Optional<ModelRecord> lookup(String name) {
    String key = ModelKeys.key(name);
    return models.stream().filter(m -> m.answersTo(key)).findFirst();
  }

  /** The day the snapshot's facts were read from the Hub; empty for an empty snapshot. */
  public Optional<LocalDate> snapshotDate() {
    return Optional.ofNullable(snapshotDate);
  }

  /** Why entries, or the whole file, could not be used. */
  public List<String> warnings() {
    return warnings;
  }

  private static HubSnapshot failed(String warning) {
    return new HubSnapshot(List.of(), null, List.of(warning));
  }

  private static HubSnapshot loadBundled() {
    try (InputStream in = HubSnapshot.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      return fromJson(in);
    } catch (IOException e) {
      return failed("Hub snapshot " + BUNDLED_RESOURCE + " unreadable: " + e.getMessage());
    }
  }

  // Holder idiom: loaded on first use, once.
  private static final class Bundled {
    static final HubSnapshot INSTANCE = loadBundled();
  }
}
