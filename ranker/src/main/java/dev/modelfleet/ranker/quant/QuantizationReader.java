package dev.modelfleet.ranker.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses and checks the quantization JSON; problems become warnings, never exceptions. */
final class QuantizationReader {
  static final int SCHEMA_VERSION = 1;

  static final Set<String> FAMILIES =
      Set.of("gguf", "awq", "gptq", "fp8", "int8", "int4", "bnb", "mlx", "fp4", "float");
  static final Set<String> ENGINES = Set.of("vllm", "sglang", "llama.cpp", "ollama", "mlx-lm");
  // The CLI's --kv-cache-dtype values, and bf16 for a table that wants to say so.
  static final Set<String> KV_CACHE_DTYPES = Set.of("f16", "bf16", "fp8", "q8_0", "q4_0");

  // 1-bit ternary formats are the floor of what ships; fp32 is the ceiling.
  static final double MIN_BITS_PER_WEIGHT = 1.0;
  static final double MAX_BITS_PER_WEIGHT = 32.0;

  // The bundled numbers carry four decimals (llama.cpp's table); a layout derivation that differs
  // by more than this from the stated figure is a typo in one of them.
  static final double LAYOUT_TOLERANCE_BITS = 0.001;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The entries that passed the checks, and a warning for each problem found. */
  record Result(List<Quantization> quantizations, List<String> warnings) {}

  private QuantizationReader() {}

  static Result read(InputStream json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException | RuntimeException e) {
      return failed("quantization table is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return failed("quantization table is empty or not a JSON object");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != SCHEMA_VERSION) {
      // Another schema may count bits differently; guessing would misstate memory.
      return failed(
          "quantization table has schemaVersion "
              + (root.has("schemaVersion") ? root.get("schemaVersion").toString() : "(none)")
              + ", this build reads "
              + SCHEMA_VERSION);
    }
    JsonNode entries = root.path("quantizations");
    if (!entries.isArray()) {
      return failed("quantization table has no \"quantizations\" array");
    }
    List<Quantization> found = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String label =
          entry.path("canonical").isTextual()
              ? "'" + entry.get("canonical").asText() + "'"
              : "#" + i;
      try {
        found.add(entry(entry));
      } catch (InvalidEntry e) {
        warnings.add("quantization table entry " + label + " skipped: " + e.getMessage());
      }
    }
    return new Result(List.copyOf(found), List.copyOf(warnings));
  }

  private static Quantization entry(JsonNode entry) throws InvalidEntry {
    if (!entry.isObject()) {
      throw new InvalidEntry("not a JSON object");
    }
    String canonical = text(entry, "canonical");
    if (canonical == null || canonical.isBlank()) {
      throw new InvalidEntry("no canonical name");
    }
    String family = text(entry, "family");
    if (family == null || !FAMILIES.contains(family)) {
      throw new InvalidEntry("family must be one of " + sorted(FAMILIES) + ", was " + family);
    }
    JsonNode bitsNode = entry.path("bitsPerWeight");
    if (!bitsNode.isNumber()) {
      throw new InvalidEntry("bitsPerWeight must be a number");
    }
    double bits = bitsNode.asDouble();
    if (!(bits >= MIN_BITS_PER_WEIGHT && bits <= MAX_BITS_PER_WEIGHT)) {
      throw new InvalidEntry(
          "bitsPerWeight must be within "
              + MIN_BITS_PER_WEIGHT
              + ".."
              + MAX_BITS_PER_WEIGHT
              + ", was "
              + bits);
    }
    String source = text(entry, "source");
    if (source == null || !source.startsWith("https://")) {
      throw new InvalidEntry("every number needs a source: an https:// URL");
    }
    Set<String> engines = new LinkedHashSet<>(strings(entry, "engines"));
    if (engines.isEmpty() || !ENGINES.containsAll(engines)) {
      throw new InvalidEntry("engines must be some of " + sorted(ENGINES) + ", was " + engines);
    }
    String kv = entry.has("kvCacheDtype") ? text(entry, "kvCacheDtype") : null;
    if (kv != null && !KV_CACHE_DTYPES.contains(kv)) {
      throw new InvalidEntry(
          "kvCacheDtype must be one of " + sorted(KV_CACHE_DTYPES) + ", was " + kv);
    }
    JsonNode embeddings = entry.path("quantizesEmbeddings");
    if (!embeddings.isMissingNode() && !embeddings.isBoolean()) {
      throw new InvalidEntry("quantizesEmbeddings must be true or false");
    }
    StorageLayout layout = layout(entry.path("layout"));
    checkAgainstLayout(bits, layout);
    return new Quantization(
        canonical,
        family,
        bits,
        engines,
        source,
        layout,
        // Absent means the embeddings stay 16-bit: for a quantized format that is the larger need.
        embeddings.asBoolean(false),
        kv,
        strings(entry, "aliases"),
        text(entry, "note"));
  }

  private static StorageLayout layout(JsonNode node) throws InvalidEntry {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidEntry("layout must be an object");
    }
    if (node.has("ggmlType")) {
      String type = text(node, "ggmlType");
      int blockSize = positiveInt(node, "blockSize");
      int bytesPerBlock = positiveInt(node, "bytesPerBlock");
      if (type == null || type.isBlank()) {
        throw new InvalidEntry("layout.ggmlType must be a name");
      }
      return new StorageLayout.GgmlBlock(type, blockSize, bytesPerBlock);
    }
    int weightBits = positiveInt(node, "weightBits");
    int groupSize = nonNegativeInt(node, "groupSize");
    double scaleBits = node.path("scaleBits").asDouble(0);
    int zeroPointBits = nonNegativeInt(node, "zeroPointBits");
    if (weightBits > MAX_BITS_PER_WEIGHT || scaleBits < 0) {
      throw new InvalidEntry("layout.weightBits must be 1..32 and scaleBits not negative");
    }
    return new StorageLayout.GroupScaled(weightBits, groupSize, scaleBits, zeroPointBits);
  }

  private static void checkAgainstLayout(double bits, StorageLayout layout) throws InvalidEntry {
    if (layout instanceof StorageLayout.GgmlBlock block) {
      // A file type keeps some tensors above its default type, never below it.
      if (bits < block.bitsPerWeight() - LAYOUT_TOLERANCE_BITS) {
        throw new InvalidEntry(
            "bitsPerWeight "
                + bits
                + " is below its default tensor type "
                + block.type()
                + " ("
                + block.bitsPerWeight()
                + ")");
      }
    } else if (layout instanceof StorageLayout.GroupScaled group) {
      if (Math.abs(bits - group.bitsPerWeight()) > LAYOUT_TOLERANCE_BITS) {
        throw new InvalidEntry(
            "bitsPerWeight " + bits + " does not match its layout (" + group.bitsPerWeight() + ")");
      }
    }
  }

  private static int positiveInt(JsonNode node, String field) throws InvalidEntry {
    JsonNode value = node.path(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
      throw new InvalidEntry("layout." + field + " must be a positive integer");
    }
    return value.asInt();
  }

  private static int nonNegativeInt(JsonNode node, String field) throws InvalidEntry {
    JsonNode value = node.path(field);
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new InvalidEntry("layout." + field + " must be a non-negative integer");
    }
    return value.asInt();
  }

  private static String text(JsonNode node, String field) throws InvalidEntry {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidEntry(field + " must be a string");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode node, String field) throws InvalidEntry {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidEntry(field + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new InvalidEntry(field + " must be an array of non-empty strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static Result failed(String warning) {
    return new Result(List.of(), List.of(warning));
  }

  /** Why one entry cannot be used. */
  private static final class InvalidEntry extends Exception {
    InvalidEntry(String message) {
      super(message, null, false, false);
    }
  }
}
