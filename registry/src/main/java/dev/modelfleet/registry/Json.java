package dev.modelfleet.registry;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The registry's shared, thread-safe Jackson mappers. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Reads YAML and, YAML being a superset of JSON, JSON too. A key written twice in one entry is an
   * error rather than a silent last-wins.
   */
  static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}
}
