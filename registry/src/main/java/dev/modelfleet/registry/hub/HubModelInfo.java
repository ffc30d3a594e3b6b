package dev.modelfleet.registry.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@code GET /api/models/{repo}} the registry uses. Field names follow the Hub's
 * answer: {@code id}, {@code sha}, {@code tags}, {@code gated} (false, "auto" or "manual"), {@code
 * cardData.license}, {@code safetensors.total} and {@code .parameters} (per dtype), {@code
 * siblings[].rfilename} and, with {@code blobs=true}, {@code siblings[].size}.
 *
 * @param id repository id as the Hub spells it
 * @param sha commit the answer describes; null if absent
 * @param tags the Hub's tags
 * @param license {@code cardData.license}; null if the card declares none
 * @param gatedMode "false", "auto" or "manual"
 * @param safetensorsTotal parameters in the safetensors files; null when the Hub has no metadata
 * @param safetensorsParameters parameters per dtype, e.g. {BF16=8030261248}
 * @param files repository files
 */
public record HubModelInfo(
    String id,
    String sha,
    List<String> tags,
    String license,
    String gatedMode,
    Long safetensorsTotal,
    Map<String, Long> safetensorsParameters,
    List<HubFile> files) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NOT_GATED = "false";

  /** Copies the collections. */
  public HubModelInfo {
    tags = tags == null ? List.of() : List.copyOf(tags);
    safetensorsParameters =
        safetensorsParameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(safetensorsParameters));
    files = files == null ? List.of() : List.copyOf(files);
    gatedMode = gatedMode == null ? NOT_GATED : gatedMode;
  }

  /** Whether the Hub asks users to accept terms before downloading. */
  public boolean gated() {
    return !NOT_GATED.equals(gatedMode);
  }

  /** Parses the Hub's JSON answer; anything not of the documented shape is a PARSE error. */
  public static HubModelInfo parse(String json, String url) throws HubException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new HubException(HubErrorCode.PARSE, url + " answered with invalid JSON");
    }
    if (root == null || !root.isObject() || !root.path("id").isTextual()) {
      throw new HubException(
          HubErrorCode.PARSE, url + " answered without the model's id: not a model-info answer");
    }
    JsonNode gated = root.path("gated");
    String gatedMode;
    if (gated.isMissingNode() || gated.isNull() || (gated.isBoolean() && !gated.asBoolean())) {
      gatedMode = NOT_GATED;
    } else if (gated.isTextual() || gated.isBoolean()) {
      gatedMode = gated.asText();
    } else {
      throw new HubException(HubErrorCode.PARSE, url + ": gated is neither false nor text");
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : root.path("tags")) {
      if (tag.isTextual()) {
        tags.add(tag.asText());
      }
    }
    JsonNode license = root.path("cardData").path("license");
    Map<String, Long> perDtype = new LinkedHashMap<>();
    root.path("safetensors")
        .path("parameters")
        .fields()
        .forEachRemaining(e -> perDtype.put(e.getKey(), e.getValue().asLong()));
    JsonNode total = root.path("safetensors").path("total");
    List<HubFile> files = new ArrayList<>();
    for (JsonNode sibling : root.path("siblings")) {
      if (!sibling.path("rfilename").isTextual()) {
        throw new HubException(HubErrorCode.PARSE, url + ": a sibling has no rfilename");
      }
      JsonNode size = sibling.path("size");
      files.add(
          new HubFile(sibling.get("rfilename").asText(), size.isNumber() ? size.asLong() : null));
    }
    return new HubModelInfo(
        root.get("id").asText(),
        root.path("sha").isTextual() ? root.get("sha").asText() : null,
        tags,
        license.isTextual() ? license.asText() : null,
        gatedMode,
        total.isNumber() ? total.asLong() : null,
        perDtype,
        files);
  }

  /** The same facts in the Hub's own JSON shape, so {@link #parse} reads them back (caching). */
  public ObjectNode toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", id);
    if (sha != null) {
      root.put("sha", sha);
    }
    ArrayNode tagArray = root.putArray("tags");
    tags.forEach(tagArray::add);
    if (gated()) {
      root.put("gated", gatedMode);
    } else {
      root.put("gated", false);
    }
    if (license != null) {
      root.putObject("cardData").put("license", license);
    }
    if (safetensorsTotal != null || !safetensorsParameters.isEmpty()) {
      ObjectNode safetensors = root.putObject("safetensors");
      ObjectNode parameters = safetensors.putObject("parameters");
      safetensorsParameters.forEach(parameters::put);
      if (safetensorsTotal != null) {
        safetensors.put("total", safetensorsTotal);
      }
    }
    ArrayNode siblings = root.putArray("siblings");
    for (HubFile file : files) {
      ObjectNode sibling = siblings.addObject().put("rfilename", file.name());
      if (file.sizeBytes() != null) {
        sibling.put("size", file.sizeBytes());
      }
    }
    return root;
  }
}
