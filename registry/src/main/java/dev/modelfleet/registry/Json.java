package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The registry's shared, thread-safe Jackson mappers. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads YAML and, YAML being a superset of JSON, JSON too. */
  static final ObjectMapper YAML = new YAMLMapper();

  private Json() {}
}
