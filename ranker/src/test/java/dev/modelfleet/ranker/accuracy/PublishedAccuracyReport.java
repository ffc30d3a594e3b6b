package dev.modelfleet.ranker.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Holds ModelFleet's estimator against published measurements and prints how far off it is, per
 * engine, next to the rule of thumb. Run it with {@code ./mvnw -B -pl ranker test
 * -Dtest=PublishedAccuracyReport}; the table goes to standard output and to {@code
 * ranker/target/accuracy-report.md}.
 *
 * <p>It asserts only that the set is sound and the report complete. The accuracy goals are
 * reported, not enforced: a failing build would invite tuning constants to the rows.
 */
class PublishedAccuracyReport {
  private static final PublishedSet SET = PublishedSet.load();
  private static final Path REPORT = Path.of("target", "accuracy-report.md");

  @Test
  void everyRowHasAPublicSourceAndAUniqueId() {
    Set<String> ids = new HashSet<>();
    assertThat(SET.all())
        .allSatisfy(
            row -> {
              assertThat(row.source()).as(row.id()).startsWith("https://");
              assertThat(ids.add(row.id())).as("duplicate id " + row.id()).isTrue();
            });
  }

  @Test
  void everyRowResolvesItsModelGpuEngineAndQuantization() {
    assertThat(SET.all())
        .allSatisfy(
            row -> {
              assertThat(Subject.resolve(row.model())).as(row.id()).isPresent();
              assertThat(Engine.parse(row.engine())).as(row.id()).isNotNull();
              assertThat(QuantizationTable.bundled().resolve(row.quant()).known())
                  .as(row.id() + " quant " + row.quant())
                  .isTrue();
              if (row.gpu() != null) {
                assertThat(Device.resolve(row.gpu()))
                    .as(row.id() + " gpu " + row.gpu())
                    .isPresent();
              }
            });
  }

  @Test
  void reportsEveryRowAndEveryEngine() throws IOException {
    AccuracyReport report = new AccuracyReport(new Evaluator(new Estimator()).compare(SET));
    String markdown = report.markdown();
    System.out.println(markdown);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, markdown);

    Set<Engine> engines = EnumSet.noneOf(Engine.class);
    SET.all().forEach(row -> engines.add(Engine.parse(row.engine())));
    assertThat(report.comparisons()).hasSize(SET.all().size());
    assertThat(report.engines()).isEqualTo(engines);
    assertThat(report.comparisons())
        .allSatisfy(
            c -> {
              assertThat(c.modelFleet()).as(c.row().id()).isFinite();
              assertThat(markdown).contains(c.row().id());
            });
  }
}
