package dev.modelfleet.ranker.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Hugging Face {@code config.json} into {@link ModelFacts}.
 *
 * <p>Field names differ between architectures ({@code hidden_size} / {@code n_embd}, {@code
 * num_local_experts} / {@code n_routed_experts}, ...); each fact is looked up under every name in
 * use. Multimodal configs keep the language model under {@code text_config}, which is read instead
 * of the top level. Where a config leaves out a field that its transformers config class defaults
 * (Gemma 3's vocabulary size, Falcon's context length), that default is used and a note says so. A
 * field nothing can stand in for is an error that names it.
 */
public final class ConfigJsonParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Where multimodal configs keep their language model.
  private static final List<String> NESTED_TEXT_CONFIGS =
      List.of("text_config", "llm_config", "language_config");

  private ConfigJsonParser() {}

  /** Parses config.json text; {@code id} may be null to use the config's own name. */
  public static ModelFacts parse(String id, String json) throws ConfigJsonException {
    if (json == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try {
      return parse(id, MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Parses a config.json file, e.g. the CLI's {@code --config}. */
  public static ModelFacts parse(String id, Path file) throws ConfigJsonException {
    if (file == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(id, in);
    } catch (IOException e) {
      throw new ConfigJsonException("(document)", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses a config.json stream; the caller closes it. */
  public static ModelFacts parse(String id, InputStream json) throws ConfigJsonException {
    if (json == null) {
      throw new ConfigJsonException("(document)", "config.json is missing");
    }
    try {
      return parse(id, MAPPER.readTree(json));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** One line, for a CLI error: Jackson's own messages span several. */
  private static ConfigJsonException unreadable(IOException e) {
    String detail = e.getMessage();
    if (e instanceof JsonProcessingException json) {
      detail = json.getOriginalMessage();
      if (json.getLocation() != null) {
        detail +=
            " (line "
                + json.getLocation().getLineNr()
                + ", column "
                + json.getLocation().getColumnNr()
                + ")";
      }
    }
    String oneLine = detail == null ? e.getClass().getSimpleName() : detail.replaceAll("\\s+", " ");
    return new ConfigJsonException("(document)", "config.json is not valid JSON: " + oneLine);
  }

  /** Parses an already-read config.json tree. */
  public static ModelFacts parse(String id, JsonNode root) throws ConfigJsonException {
    if (root == null || !root.isObject()) {
      throw new ConfigJsonException("(document)", "config.json is empty or not a JSON object");
    }
    List<String> notes = new ArrayList<>();
    JsonNode text = root;
    for (String key : NESTED_TEXT_CONFIGS) {
      if (root.path(key).isObject()) {
        text = root.get(key);
        notes.add("language model facts read from " + key);
        break;
      }
    }
    return new ConfigReading(root, text, notes).facts(id);
  }
}
