package dev.modelfleet.ranker.accuracy;

import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.model.RepoIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The model a row measured, with the facts and parameter count ModelFleet would use for it.
 *
 * @param facts architecture facts, from the bundled catalog or a config under {@code configs/}
 * @param parameters the catalog's count, or the count computed from the config
 * @param origin "catalog" or the config file the facts were read from
 */
record Subject(ModelFacts facts, ParameterCount parameters, String origin) {

  /** The model a row names, or empty when neither the catalog nor {@code configs/} has it. */
  static Optional<Subject> resolve(String repoId) {
    Optional<Subject> catalogued =
        ModelCatalog.bundled()
            .lookup(repoId)
            .map(match -> match.model().facts())
            .map(facts -> new Subject(facts, counted(facts), "catalog"));
    return catalogued.or(() -> fromConfig(repoId));
  }

  private static Optional<Subject> fromConfig(String repoId) {
    String file = PublishedSet.ROOT + "configs/" + RepoIds.name(repoId) + ".json";
    try (InputStream in = Subject.class.getResourceAsStream(file)) {
      if (in == null) {
        return Optional.empty();
      }
      ModelFacts facts = ConfigJsonParser.parse(repoId, in);
      return Optional.of(new Subject(facts, counted(facts), file));
    } catch (ConfigJsonException e) {
      throw new IllegalStateException(file + " does not parse: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static ParameterCount counted(ModelFacts facts) {
    return facts.parameters() != null ? facts.parameters() : ParameterCounter.count(facts);
  }
}
