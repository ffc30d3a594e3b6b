package dev.modelfleet.registry.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Checks on answer bodies that must not throw. */
final class JsonShape {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonShape() {}

  static boolean isObject(String body) {
    try {
      JsonNode root = body == null ? null : MAPPER.readTree(body);
      return root != null && root.isObject();
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code error} field of a JSON error body; "" when there is none. */
  static String errorField(String body) {
    try {
      JsonNode root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
      return root != null && root.path("error").isTextual() ? root.get("error").asText() : "";
    } catch (IOException e) {
      return "";
    }
  }
}
