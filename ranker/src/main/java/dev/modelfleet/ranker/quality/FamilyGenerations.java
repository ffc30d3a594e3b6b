package dev.modelfleet.ranker.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The known generations of model families, for the per-generation penalty: an observation of a
 * Llama 3.1 model made before Llama 3.3 and Llama 4 came out has two newer generations behind it.
 */
public final class FamilyGenerations {
  private static final FamilyGenerations NONE = new FamilyGenerations(List.of());

  /**
   * One release wave of a family.
   *
   * @param family the family it belongs to, e.g. "llama"
   * @param prefix the start of the model names of this generation, e.g. "Llama-3.1"; matched on the
   *     name without organisation or mirror suffixes, up to a '-' or the end
   * @param released the day the first model of the generation was published
   */
  public record Generation(String family, String prefix, LocalDate released) {}

  private final List<Generation> generations;

  private FamilyGenerations(List<Generation> generations) {
    this.generations =
        generations.stream()
            .sorted(
                Comparator.comparing(Generation::family)
                    .thenComparing(Generation::released)
                    .thenComparing(Generation::prefix))
            .toList();
  }

  /** No generation data: no observation is penalised for newer generations. */
  public static FamilyGenerations none() {
    return NONE;
  }

  /** Generations as listed; order does not matter. */
  public static FamilyGenerations of(List<Generation> generations) {
    return generations == null || generations.isEmpty()
        ? NONE
        : new FamilyGenerations(List.copyOf(generations));
  }

  /** Every generation, by family and release date. */
  public List<Generation> all() {
    return generations;
  }

  /** The generation a model id belongs to: the longest matching prefix. */
  public Optional<Generation> generationOf(String modelId) {
    String name = ModelIdentity.parse(modelId).name();
    Generation best = null;
    int bestLength = 0;
    for (Generation generation : generations) {
      String prefix = generation.prefix().trim().toLowerCase(Locale.ROOT).replace('_', '-');
      boolean matches =
          !prefix.isEmpty()
              && (name.equals(prefix)
                  || (name.startsWith(prefix) && name.charAt(prefix.length()) == '-'));
      if (matches && prefix.length() > bestLength) {
        best = generation;
        bestLength = prefix.length();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * How many generations of the model's family newer than its own were released after {@code
   * observedAt} and by {@code now}; all released by now when the observation is undated.
   */
  public int newerThan(String modelId, Instant observedAt, Instant now) {
    Optional<Generation> own = generationOf(modelId);
    if (own.isEmpty()) {
      return 0;
    }
    int newer = 0;
    for (Generation generation : generations) {
      Instant released = generation.released().atStartOfDay(ZoneOffset.UTC).toInstant();
      if (generation.family().equals(own.get().family())
          && generation.released().isAfter(own.get().released())
          && !released.isAfter(now)
          && (observedAt == null || released.isAfter(observedAt))) {
        newer++;
      }
    }
    return newer;
  }
}
