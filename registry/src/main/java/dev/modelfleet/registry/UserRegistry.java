package dev.modelfleet.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user registry: model entries for private models and corrections, in YAML or JSON. The
 * operator reads the same format from a ConfigMap key.
 *
 * <pre>
 * schemaVersion: 1          # optional
 * models:
 *   - id: acme/support-llm-13b
 *     observedAt: 2026-11-01  # optional; else the file's modification time
 *     license: other
 *     gated: true
 *     parametersB: 13.0
 *     config: { ... }         # the model's config.json
 * </pre>
 */
public final class UserRegistry {
  /** The format version this build reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final String MODELS = "models";
  private static final String SCHEMA = "schemaVersion";

  private final List<ModelRecord> models;

  private UserRegistry(List<ModelRecord> models) {
    this.models = List.copyOf(models);
  }

  /** A registry with no entries. */
  public static UserRegistry empty() {
    return new UserRegistry(List.of());
  }

  /**
   * Parses registry text (YAML or JSON). Blank text is an empty registry.
   *
   * @param origin names the input in errors, e.g. a file name or "ConfigMap models/registry.yaml"
   * @param observedAt when entries without their own observedAt were written; may be null
   */
  public static UserRegistry parse(String text, String origin, Instant observedAt)
      throws RegistryFormatException {
    if (text == null || text.isBlank()) {
      return empty();
    }
    JsonNode root;
    try {
      root = Json.YAML.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new RegistryFormatException(
          origin, "is not valid YAML or JSON" + where + ": " + oneLine(e.getOriginalMessage()));
    }
    return read(root, origin, observedAt);
  }

  /** Parses a registry stream as UTF-8; the caller closes it. */
  public static UserRegistry parse(InputStream in, String origin, Instant observedAt)
      throws RegistryFormatException {
    try {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), origin, observedAt);
    } catch (IOException e) {
      throw new RegistryFormatException(origin, "cannot be read: " + e.getMessage());
    }
  }

  /** Reads a registry file; entries without observedAt date from the file's modification time. */
  public static UserRegistry read(Path file) throws RegistryFormatException {
    String origin = file.toString();
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return parse(Files.readString(file, StandardCharsets.UTF_8), origin, modified);
    } catch (IOException e) {
      throw new RegistryFormatException(origin, "cannot be read: " + e.getMessage());
    }
  }

  /** Every entry, in file order. */
  public List<ModelRecord> models() {
    return models;
  }

  /** The entry whose id or alias matches the name, if any. */
  public Optional<ModelRecord> lookup(String name) {
    String key = ModelKeys.key(name);
    return models.stream().filter(m -> m.answersTo(key)).findFirst();
  }

  private static UserRegistry read(JsonNode root, String origin, Instant observedAt)
      throws RegistryFormatException {
    if (root == null || root.isNull() || root.isMissingNode()) {
      return empty();
    }
    if (!root.isObject()) {
      throw new RegistryFormatException(origin, "must be an object with a \"models\" list");
    }
    if (root.has(SCHEMA) && root.get(SCHEMA).asInt(-1) != SCHEMA_VERSION) {
      throw new RegistryFormatException(
          origin + ": " + SCHEMA,
          "is " + root.get(SCHEMA) + "; this build reads " + SCHEMA_VERSION);
    }
    JsonNode entries = root.path(MODELS);
    if (entries.isMissingNode() || entries.isNull()) {
      return empty();
    }
    if (!entries.isArray()) {
      throw new RegistryFormatException(origin + ": " + MODELS, "must be a list of model entries");
    }
    List<ModelRecord> models = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = origin + ": " + MODELS + "[" + i + "]";
      ModelRecord model = ModelEntries.read(path, entries.get(i), FactSource.REGISTRY, observedAt);
      for (String name : model.names()) {
        Integer earlier = seen.putIfAbsent(ModelKeys.key(name), i);
        if (earlier != null) {
          throw new RegistryFormatException(
              path + ".id",
              "'" + name + "' is already listed at " + MODELS + "[" + earlier + "]; merge the two");
        }
      }
      models.add(model);
    }
    return new UserRegistry(models);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").trim();
  }
}
