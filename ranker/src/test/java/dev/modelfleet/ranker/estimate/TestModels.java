package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real config.json files under src/test/resources/configs, and catalog GPUs. */
final class TestModels {
  static final double GIB = 1024.0 * 1024 * 1024;

  private TestModels() {}

  static ModelFacts facts(String name) {
    try (InputStream in = TestModels.class.getResourceAsStream("/configs/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no test config " + name);
      }
      return ConfigJsonParser.parse(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigJsonException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  static GpuTarget gpu(String labelledProduct) {
    return GpuTarget.of(GpuCatalog.bundled().lookup(labelledProduct).orElseThrow());
  }

  static EstimateRequest request(
      String config, String quant, int context, String gpu, int gpus, Engine engine) {
    return new EstimateRequest(
        facts(config), null, quant, context, 1, gpu(gpu), gpus, engine, null);
  }
}
