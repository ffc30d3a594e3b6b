package dev.modelfleet.cli.rank;

import dev.modelfleet.cli.BadInput;
import dev.modelfleet.ranker.model.CatalogModel;
import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads {@code --models}: a model catalog JSON, or a directory of config.json files named {@code
 * <org>__<name>.json}.
 */
public final class ModelsReader {
  private ModelsReader() {}

  public static List<ModelFacts> read(Path models, List<String> warnings) throws BadInput {
    if (models == null) {
      throw new BadInput("--models is required: a model catalog JSON or a directory of configs");
    }
    if (Files.isDirectory(models)) {
      return configDirectory(models);
    }
    if (!Files.isRegularFile(models)) {
      throw new BadInput("--models: " + models + " is neither a file nor a directory");
    }
    ModelCatalog catalog;
    try (InputStream in = Files.newInputStream(models)) {
      catalog = ModelCatalog.fromJson(in);
    } catch (IOException e) {
      throw new BadInput("--models: cannot read " + models + ": " + e.getMessage());
    }
    if (catalog.all().isEmpty()) {
      String why = catalog.warnings().isEmpty() ? "no models" : catalog.warnings().get(0);
      throw new BadInput("--models: " + models + ": " + why);
    }
    catalog.warnings().forEach(w -> warnings.add("--models: " + w));
    List<ModelFacts> out = new ArrayList<>();
    for (CatalogModel model : catalog.all()) {
      ModelFacts facts = model.facts();
      out.add(
          facts.id() != null && facts.id().equals(model.id()) ? facts : facts.withId(model.id()));
    }
    return out;
  }

  private static List<ModelFacts> configDirectory(Path models) throws BadInput {
    List<Path> files;
    try (Stream<Path> listing = Files.list(models)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new BadInput("--models: cannot list " + models + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new BadInput("--models: " + models + " has no <org>__<name>.json config files");
    }
    List<ModelFacts> out = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String id = name.substring(0, name.length() - ".json".length()).replace("__", "/");
      try {
        out.add(ConfigJsonParser.parse(id, file));
      } catch (ConfigJsonException e) {
        throw new BadInput("--models: " + name + ": " + e.getMessage());
      }
    }
    return out;
  }
}
