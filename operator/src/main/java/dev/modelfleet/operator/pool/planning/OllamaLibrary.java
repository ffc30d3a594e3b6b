package dev.modelfleet.operator.pool.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which Hugging Face model, in which weight format, an Ollama tag packages: the catalog knows
 * models by repository id, Ollama users name them by tag. Covers library tags of catalog models
 * ({@code modelfleet/ollama-library.json}) and {@code hf.co/org/repo[:quant]} tags, which name the
 * repository themselves.
 */
public final class OllamaLibrary {
  static final String RESOURCE = "/modelfleet/ollama-library.json";
  private static final String HF_PREFIX = "hf.co/";
  private static final Logger LOG = Logger.getLogger(OllamaLibrary.class.getName());
  private static final OllamaLibrary BUNDLED = load();

  private final Map<String, Entry> byTag;

  OllamaLibrary(Map<String, Entry> byTag) {
    this.byTag = Map.copyOf(byTag);
  }

  /** The mapping shipped in the operator jar; empty, with a logged warning, if unreadable. */
  public static OllamaLibrary bundled() {
    return BUNDLED;
  }

  /**
   * What a tag packages.
   *
   * @param repo the Hugging Face repository
   * @param quantization the weight format, or null when the tag does not say
   */
  public record Entry(String repo, String quantization) {}

  /** The model behind {@code tag}, if the tag names it or the library lists it. */
  public Optional<Entry> lookup(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String trimmed = tag.trim();
    if (trimmed.toLowerCase(Locale.ROOT).startsWith(HF_PREFIX)) {
      String rest = trimmed.substring(HF_PREFIX.length());
      int colon = rest.indexOf(':');
      String repo = colon < 0 ? rest : rest.substring(0, colon);
      String quant = colon < 0 ? null : rest.substring(colon + 1);
      return Optional.of(new Entry(repo, quant));
    }
    String key = trimmed.toLowerCase(Locale.ROOT);
    if (!key.contains(":")) {
      key = key + ":latest";
    }
    return Optional.ofNullable(byTag.get(key));
  }

  private static OllamaLibrary load() {
    try (InputStream in = OllamaLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        LOG.warning(RESOURCE + " is missing: Ollama library tags resolve to no model");
        return new OllamaLibrary(Map.of());
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Entry> tags = new HashMap<>();
      for (JsonNode row : root.path("tags")) {
        tags.put(
            row.path("tag").asText().toLowerCase(Locale.ROOT),
            new Entry(row.path("huggingFace").asText(), row.path("quantization").asText(null)));
      }
      return new OllamaLibrary(tags);
    } catch (IOException e) {
      LOG.log(
          Level.WARNING, RESOURCE + " is unreadable: Ollama library tags resolve to no model", e);
      return new OllamaLibrary(Map.of());
    }
  }
}
