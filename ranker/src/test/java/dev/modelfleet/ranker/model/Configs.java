package dev.modelfleet.ranker.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real config.json files under src/test/resources/configs. */
final class Configs {
  private Configs() {}

  /** Parses configs/{name}.json as the model {@code id}. */
  static ModelFacts facts(String name, String id) {
    try (InputStream in = Configs.class.getResourceAsStream("/configs/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no test config " + name);
      }
      return ConfigJsonParser.parse(id, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigJsonException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /** Parses configs/{name}.json under the repository id in its file name. */
  static ModelFacts facts(String name) {
    return facts(name, name);
  }
}
