package dev.modelfleet.ranker.quality;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Published benchmark scores shipped with ModelFleet as a starting point, each row with its source
 * and date, and the known generations of the families they cover. A missing or malformed file gives
 * an empty snapshot and warnings, never an exception.
 */
public final class BenchmarkSnapshot {
  /** Classpath location of the snapshot shipped with ModelFleet. */
  public static final String BUNDLED_RESOURCE = "/modelfleet/benchmarks.json";

  private static final System.Logger LOG = System.getLogger(BenchmarkSnapshot.class.getName());

  private final List<Observation> observations;
  private final FamilyGenerations generations;
  private final LocalDate snapshotDate;
  private final List<String> warnings;

  private BenchmarkSnapshot(SnapshotReader.Result result) {
    this.observations = List.copyOf(result.observations());
    this.generations = FamilyGenerations.of(result.generations());
    this.snapshotDate = result.snapshotDate();
    this.warnings = List.copyOf(result.warnings());
    this.warnings.forEach(w -> LOG.log(Level.WARNING, w));
  }

  /** The snapshot shipped in the ranker jar, loaded once; empty with warnings if unreadable. */
  public static BenchmarkSnapshot bundled() {
    return Bundled.INSTANCE;
  }

  /** A snapshot read from JSON; malformed input gives an empty snapshot with warnings. */
  public static BenchmarkSnapshot fromJson(InputStream json) {
    if (json == null) {
      return new BenchmarkSnapshot(SnapshotReader.failed("benchmark snapshot input is missing"));
    }
    return new BenchmarkSnapshot(SnapshotReader.read(json));
  }

  /** Every row that passed the checks, in file order. */
  public List<Observation> observations() {
    return observations;
  }

  /** The family generations the snapshot lists; none when it lists none. */
  public FamilyGenerations generations() {
    return generations;
  }

  /** The day the snapshot was taken, when the file says. */
  public Optional<LocalDate> snapshotDate() {
    return Optional.ofNullable(snapshotDate);
  }

  /** Why rows, or the whole file, could not be used; empty when all is well. */
  public List<String> warnings() {
    return warnings;
  }

  private static BenchmarkSnapshot loadBundled() {
    try (InputStream json = BenchmarkSnapshot.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (json == null) {
        return new BenchmarkSnapshot(
            SnapshotReader.failed(
                "benchmark snapshot " + BUNDLED_RESOURCE + " is not on the classpath"));
      }
      return fromJson(json);
    } catch (IOException e) {
      return new BenchmarkSnapshot(
          SnapshotReader.failed(
              "benchmark snapshot " + BUNDLED_RESOURCE + " unreadable: " + e.getMessage()));
    }
  }

  // Holder idiom: loaded on first use, once, without locking on every call.
  private static final class Bundled {
    static final BenchmarkSnapshot INSTANCE = loadBundled();
  }
}
